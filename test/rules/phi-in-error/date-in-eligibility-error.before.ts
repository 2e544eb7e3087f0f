// A birth date in an error that is not about reading it: a real date of a real patient.
export function assertAdult(patient) {
  if (ageFrom(patient.dob) < 18) throw new Error(`Patient born ${patient.dob} is under 18`);  // expect: phi-in-error
  return true;
}
