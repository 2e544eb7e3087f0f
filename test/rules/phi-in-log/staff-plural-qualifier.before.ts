// A plural staff word qualifies the element as staff's, as the singular does (`practitionersEmails`).
export function notifyTeam(practitionersEmails: string[], patientEmails: string[]) {
  console.log('to', practitionersEmails);
  console.log('to', patientEmails);  // expect: phi-in-log
}
