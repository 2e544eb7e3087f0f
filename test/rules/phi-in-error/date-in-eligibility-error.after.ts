// A birth date in an error that is not about reading it: a real date of a real patient.
export function assertAdult(patient) {
  if (ageFrom(patient.dob) < 18) throw new Error(`Patient born is under 18 (patientId=${patient.id})`);
  return true;
}
