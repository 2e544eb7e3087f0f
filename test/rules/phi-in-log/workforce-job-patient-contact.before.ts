// A human-resources job that reaches patients: a patient's e-mail is still a patient's.
import { logger } from '../utils/logger';

export async function sendSurveyInvites(prisma) {
  const patients = await prisma.patient.findMany({ where: { surveyOptIn: true } });
  for (const patient of patients) {
    logger.info('Survey invite sent', { email: patient.email });  // expect: phi-in-log
  }
}
