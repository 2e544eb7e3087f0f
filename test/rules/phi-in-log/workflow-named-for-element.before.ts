import { parsePlanDefinitionToActions } from './helpers';

export async function produceBirthdayOutreach(planDefinition: unknown, patients: Array<{ id: string; birthDate: string }>) {
  const allActions = parsePlanDefinitionToActions(planDefinition);
  const birthdayActions = allActions.filter((action) => action.trigger.event === 'patient-birthday');
  const maxBeforeDays = birthdayActions.reduce((max, action) => Math.max(max, action.trigger.daysBefore), 0);
  console.log(`birthday outreach: ${birthdayActions.length} action(s), scan window ${maxBeforeDays + 1} day(s)`);
  const birthdays = patients.map((patient) => patient.birthDate);
  console.log('upcoming birthdays', birthdays); // expect: phi-in-log
}
