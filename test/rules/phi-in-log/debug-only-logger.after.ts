// A development test joined with `&&` to a negated test of the app's own: still a branch that
// runs only in development. A test joined with `||`, or a negated development test, is not.
export function sendUploadLink(patient: { email: string }, sent: boolean) {
  if (!sent && process.env.NODE_ENV !== 'production') {
    console.log(`upload link for ${patient.email}`);
  }
  if (!sent || process.env.NODE_ENV !== 'production') {
    console.log('upload link for', { patientId: patient.id });
  }
  if (!(sent && process.env.NODE_ENV !== 'production')) {
    console.log('upload link for', { patientId: patient.id });
  }
}
