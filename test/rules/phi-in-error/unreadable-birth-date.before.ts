// A date key that could not be read, in the error alone: malformed input, not a person's data.
export function practiceDateRange(patient) {
  const parsed = new Date(patient.dob);
  if (Number.isNaN(parsed.getTime())) throw new Error(`Invalid date of birth: ${patient.dob}`);
  return parsed;
}
