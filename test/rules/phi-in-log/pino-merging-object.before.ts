import pino from 'pino';
const log = pino();
function f(patient) {
  log.info(`born ${patient.dateOfBirth}`);  // expect: phi-in-log
}
