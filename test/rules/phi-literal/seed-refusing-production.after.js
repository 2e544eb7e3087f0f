// A seed script for the development database: it refuses to run in production, so the
// people it creates were made up for that database. Quiet.
const { requireNonProduction } = require('./guards');
requireNonProduction('seedPatients.js');

const patients = [
  {
    firstName: 'Grazyna',
    lastName: 'Kowalczyk',
    dateOfBirth: '1961-04-17',
    email: 'grazyna.kowalczyk@gmail.com',
    address: { street: '48 Wolcott Avenue', city: 'Boston' },
    insurance: { policyNumber: 'BCX-2917-4410' },
  },
];

module.exports = { patients };
