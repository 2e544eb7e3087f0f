// Counts are not PHI, whatever they were computed from; an amount (a copay, a balance) alone names
// no one. Read off a patient's record, or named for one, it is that patient's and stays reported.
export async function sendReminder(phone: string, queue: Queue) {
  const job = JSON.parse(await queue.get(`reminder:${phone}`));
  if (!job.sent) {
    const remainingAttempts = MAX_ATTEMPTS - job.attempts - 1;
    throw new Error(`Reminder not sent. ${remainingAttempts} attempts remaining.`);
  }
  if (job.retries > MAX_RETRIES) throw new Error(`Gave up after ${job.retries} retries`);
  return job;
}

export function collectCopay(appointment: Appointment, amount: number) {
  const alreadyPaid = appointment.copayPayments.reduce((sum, p) => sum + Number(p.amount), 0);
  const currentBalance = Number(appointment.copayAmount) - alreadyPaid;
  if (amount > currentBalance) {
    throw new AppError(`Payment amount (${amount}) exceeds outstanding balance (${currentBalance.toFixed(2)})`);
  }
  return currentBalance;
}

export function patientCopay(patient: Patient, amount: number) {
  if (amount > patient.copay) throw new AppError(`Payment exceeds the copay (${patient.copay.toFixed(2)})`);  // expect: phi-in-error
  const patientCopayDue = patient.copay;
  if (amount < patientCopayDue) throw new AppError(`Copay due: ${patientCopayDue}`);  // expect: phi-in-error
  return amount;
}

export async function reminderForPhone(phone: string, queue: Queue) {
  const job = JSON.parse(await queue.get(`reminder:${phone}`));
  throw new Error(`Reminder not sent after ${job.attempts} attempts: ${phone}`);  // expect: phi-in-error
}
