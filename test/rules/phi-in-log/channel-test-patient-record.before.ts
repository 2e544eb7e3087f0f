// A test send to a patient's own record is still the patient's phone number.
import { logger } from '../utils/logger';

export async function sendTestSmsToPatient(patientId) {
  const patient = await prisma.patient.findUnique({ where: { id: patientId } });
  logger.info('SMS test requested for ' + patient.phone);  // expect: phi-in-log
}
