// The same check in a service: the error's message travels with the product's error handling.
function assertDob(patient) {
  if (!String(patient.dob).startsWith('1988-06-17')) throw new Error(`DOB shifted (patientId=${patient.id})`);
}

module.exports = { assertDob };
