// The same handler shape that sends a reminder (no test): the number is the recipient's.
import { logger } from '../utils/logger';

export const sendReminderSms = async (req, res) => {
  const { phoneNumber } = reminderSchema.parse(req.body);
  const success = await smsService.send(phoneNumber, 'Your appointment is tomorrow');
  logger.info('Reminder sent', { success });
  res.json({ success });
};
