export function f(patient) {
  throw new Error(`no insurance for (patientId=${patient.id})`);
}
