function f(patient) {
  // phi-guard: ignore[phi-in-log]  // expect: unjustified-suppression
  console.log(patient.ssn);
}
