export function describeVisit(patient: { fullName: string; id: string }, anonymous: boolean) {
  let label;
  if (!anonymous) {
    label = `visit of ${patient.fullName}`;
  } else {
    label = `visit ${patient.id}`;
  }
  console.info('visit', label); // expect: phi-in-log
  let summary;
  if (anonymous) {
    summary = `visit of ${patient.fullName}`;
  } else {
    summary = `visit ${patient.id}`;
  }
  summary = 'visit';
  // Assigned again after the if: the last assignment is what it holds.
  console.info('visit', summary);
}
