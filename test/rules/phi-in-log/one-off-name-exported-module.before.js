// Named like a one-off task, but a module: it exports what the product calls, so its log is the product's.
const { logger } = require('./logger');

async function checkEligibility(patient) {
  logger.info('checking eligibility for ' + patient.lastName); // expect: phi-in-log
  return patient.insuranceId !== undefined;
}

module.exports = { checkEligibility };
