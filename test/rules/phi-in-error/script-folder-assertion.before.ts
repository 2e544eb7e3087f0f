// A smoke-test script in the project's scripts/ folder: its failed assertion ends on the operator's terminal.
function assertDob(patient) {
  if (!String(patient.dob).startsWith('1988-06-17')) throw new Error(`DOB shifted: ${patient.dob}`);
}

module.exports = { assertDob };
