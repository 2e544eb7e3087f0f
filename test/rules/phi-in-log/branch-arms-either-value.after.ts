interface Patient { id: string; fullName: string; dob: string }

export function describeVisit(patient: Patient, anonymous: boolean) {
  let shown;
  if (!anonymous) {
    shown = { ...patient };
  } else {
    shown = { id: patient.id };
  }
  console.info('visit', { shownId: shown.id });
  let summary;
  if (anonymous) {
    summary = { ...patient };
  } else {
    summary = { id: patient.id };
  }
  summary = { visit: true };
  // Assigned again after the if: the last assignment is what it holds.
  console.info('visit', summary);
  // One key of an object literal holds what was put under it.
  const sent = { sid: patient.id, body: `for ${patient.fullName}` };
  console.info('sent', sent.sid);
}
