// A schedule is a location's or a provider's: the address and phone its parameters carry are where
// and how to reach them. `schedule` as the verb (`scheduleReminderSms`) texts a patient.
import { sendSms } from './sms';

export const validateUpdateScheduleParameters = (body: string) => {
  const { scheduleId, timezone, name, address, telecom } = JSON.parse(body);
  console.log('schedule owner', { scheduleId, name, address, telecom });
  return { scheduleId, timezone, name, address, telecom };
};

export const scheduleReminderSms = async (phone: string, when: string) => {
  console.log('reminder queued', { phone, when }); // expect: phi-in-log
  await sendSms(phone, `See you ${when}`);
};
