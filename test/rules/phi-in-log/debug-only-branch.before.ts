// A log written only in a development run never reaches production logs; an else branch does.
import { logger } from '../utils/logger';

export function sendReminder(patient) {
  if (process.env.NODE_ENV === 'development') {
    logger.info('Would text', { phone: patient.phone });
  } else {
    logger.info('Texting', { phone: patient.phone });  // expect: phi-in-log
  }
  if (process.env.NODE_ENV !== 'production' || patient.testAccount) {
    console.log('Reminder for', patient.phone);  // expect: phi-in-log
  }
}
