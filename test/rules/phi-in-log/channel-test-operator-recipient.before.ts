// An admin checks the SMS configuration by sending to a number they type: that number is not a patient's.
import { logger } from '../utils/logger';

export const testSms = async (req, res) => {
  const { phoneNumber } = testSmsSchema.parse(req.body);
  const success = await smsService.send(phoneNumber, 'PHI Guard test message');
  logger.info('SMS test requested', { phoneNumber, success });
  res.json({ success });
};
