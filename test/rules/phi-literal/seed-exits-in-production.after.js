// The same guard written out: the script stops when NODE_ENV is production. Quiet.
if (process.env.NODE_ENV === 'production') {
  console.error('Refusing to seed a production database');
  process.exit(1);
}

const patients = [
  {
    firstName: 'Grazyna',
    lastName: 'Kowalczyk',
    dateOfBirth: '1961-04-17',
    email: 'grazyna.kowalczyk@gmail.com',
    insurance: { policyNumber: 'BCX-2917-4410' },
  },
];

module.exports = { patients };
