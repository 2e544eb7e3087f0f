// `birthdays.processed`: how many birthday triggers a job processed, a count, like `passed` or
// `skipped`. The birthdays themselves, logged whole, are still reported.
export const generateFollowUpReminders = async (services, logger) => {
  const { automationsService } = services;
  const result = { recalls: 0, birthdays: 0 };
  const birthdays = await automationsService.checkBirthdayTriggers();
  result.birthdays = birthdays?.processed || 0;
  logger.info('Follow-up reminders generated:', result);
  const upcoming = await automationsService.upcomingBirthdays();
  logger.info('Upcoming:', upcoming.birthdays);  // expect: phi-in-log
  return result;
};
