// A destructured parameter with an inline object type: each name has the type of its own member, so a
// string beside a patient record is not the record.
export function composePdfInput({ patient, timezone, owner }: { patient: Patient; timezone?: string; owner: Patient }) {
  console.log('timezone for the pdf', timezone);
  console.log('owner', { ownerId: owner.id });
  console.log('patient', { patientId: patient.id });
}
