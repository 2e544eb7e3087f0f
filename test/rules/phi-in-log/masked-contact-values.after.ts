// Masked values are not PHI: a replacement that keeps a few captured characters around a run of
// `*`, and the first few characters of a value written in front of a mask. The whole address,
// a prefix with no mask after it, and a replacement that only reorders its groups are still reported.
export function logVerificationRequest(req: { body: { email: string; phone: string } }): void {
  const email = req.body.email;
  const phone = req.body.phone;
  console.log('Verification link request', { email: email.replace(/(.{2})(.*)(@.*)/, '$1***$3') });
  console.log('Verification SMS', { phone: `${phone.substring(0, 4)}****` });
  console.log('Verification SMS to ' + (phone.slice(0, 3) + '***'));
  console.log('Verification link request', { recordId: req.body.id });
  console.log('Verification SMS', { recordId: req.body.id });
  console.log('Verification link request', { recordId: req.body.id });
}
