export function f(patient) {
  throw new Error(`no insurance for ${patient.lastName}`);  // expect: phi-in-error
}
