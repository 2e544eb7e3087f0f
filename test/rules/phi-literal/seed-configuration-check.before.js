// A production check that is a configuration check (it stops only when a setting is missing)
// and an operations script that looks a record up: both run against the live records. Reported.
if (process.env.NODE_ENV === 'production' && !process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL is required in production');
}

const patients = [
  {
    firstName: 'Grazyna', // expect: phi-literal
    lastName: 'Kowalczyk', // expect: phi-literal
    dateOfBirth: '1961-04-17', // expect: phi-literal
    email: 'grazyna.kowalczyk@gmail.com', // expect: phi-literal
    insurance: { policyNumber: 'BCX-2917-4410' }, // expect: phi-literal
  },
];

module.exports = { patients };
