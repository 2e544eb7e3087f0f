// A schema reference (`prescriptions: [{ type: ObjectId, ref: 'Prescription' }]`) holds ObjectIds
// until the query populates it: logged unpopulated, they are ids, whatever the field is called.
const mongoose = require('mongoose');
const log = require('pino')();

const visitSchema = new mongoose.Schema({
  patient: { type: mongoose.Schema.Types.ObjectId, ref: 'Patient' },
  prescriptions: [{ type: mongoose.Schema.Types.ObjectId, ref: 'Prescription' }],
  medications: [{ name: String, dose: String }],
});
const Visit = mongoose.model('Visit', visitSchema);

async function prescriptionsToDispense(visitId) {
  const toDispense = new Set();
  const visit = await Visit.findById(visitId).select('prescriptions');
  for (const prescId of visit.prescriptions) toDispense.add(prescId.toString());
  for (const prescriptionId of toDispense) log.debug('Prescription skipped', { visitId, prescriptionId });
  log.info('Visit prescriptions', { visitId, prescriptions: visit.prescriptions });
  return toDispense;
}

async function describeVisit(visitId) {
  const visit = await Visit.findById(visitId).populate('prescriptions');
  log.info({ visitId: visit.id }, 'Visit prescriptions');
  log.info({ visitId: visit.id }, 'Visit medications');
}

// A parameter named for this file's model is its document, not known to be populated by the caller.
async function dispenseForVisit(visit) {
  for (const prescriptionId of visit.prescriptions) log.info('Dispensing', { visitId: visit._id, prescriptionId });
}

async function describeGivenVisit(visit) {
  await visit.populate('prescriptions');
  log.info({ visitId: visit.id }, 'Visit prescriptions');
}

module.exports = { prescriptionsToDispense, describeVisit, dispenseForVisit, describeGivenVisit };
