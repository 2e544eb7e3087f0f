// Saved by an editor as UTF-16 with a byte-order mark; tsc and VS Code read it.
export function show(patient: { ssn: string }): void {
  console.log('patient', patient.ssn);
}
