import pino from 'pino';
const log = pino();
function f(patient) {
  log.info({ patientId: patient.id }, 'born');
}
