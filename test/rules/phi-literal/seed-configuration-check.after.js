// A production check that is a configuration check (it stops only when a setting is missing)
// and an operations script that looks a record up: both run against the live records. Reported.
if (process.env.NODE_ENV === 'production' && !process.env.DATABASE_URL) {
  throw new Error('DATABASE_URL is required in production');
}

const patients = [
  {
    firstName: 'Jane123',
    lastName: 'Doe456',
    dateOfBirth: '1970-01-01',
    email: 'patient@example.org',
    insurance: { policyNumber: 'BCX-0000-0000' },
  },
];

module.exports = { patients };
