// A destructured parameter with an inline object type: each name has the type of its own member, so a
// string beside a patient record is not the record.
export function composePdfInput({ patient, timezone, owner }: { patient: Patient; timezone?: string; owner: Patient }) {
  console.log('timezone for the pdf', timezone);
  console.log('owner', owner);  // expect: phi-in-log
  console.log('patient', patient);  // expect: phi-in-log
}
