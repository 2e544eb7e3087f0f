// A log written only in a development run never reaches production logs; an else branch does.
import { logger } from '../utils/logger';

export function sendReminder(patient) {
  if (process.env.NODE_ENV === 'development') {
    logger.info('Would text', { phone: patient.phone });
  } else {
    logger.info('Texting', { patientId: patient.id });
  }
  if (process.env.NODE_ENV !== 'production' || patient.testAccount) {
    console.log('Reminder for', { patientId: patient.id });
  }
}
