// Counts and amounts alone name no one (analysis/sinks/amounts-and-counts.ts, shared with
// phi-in-error): a retry count, a copay beside an appointment's id. A copay read off the patient,
// or named for the patient, is that patient's billing data and stays reported.
import { logger } from './logger';

export async function sendReminder(phone: string, queue: Queue) {
  const job = JSON.parse(await queue.get(`reminder:${phone}`));
  const remainingAttempts = MAX_ATTEMPTS - job.attempts - 1;
  logger.warn(`Reminder not sent, ${remainingAttempts} attempts remaining`);
  logger.warn('Reminder not sent', { retries: job.retries });
}

export function copayCollected(appointment: Appointment, patient: Patient, account: Account) {
  logger.info('Copay collected', { appointmentId: appointment.id, copay: appointment.copay.toFixed(2) });
  logger.info('Copay due', { copay: patient.copay });  // expect: phi-in-log
  const patientCopay = account.copay;
  logger.info(`Copay due: ${patientCopay}`);  // expect: phi-in-log
}
