// A treatment protocol lists the conditions it is meant for (`indications`): reference data, the
// same for every patient. The diagnosis it was used for on one patient is that patient's: reported.
const mongoose = require('mongoose');

const treatmentProtocolSchema = new mongoose.Schema({
  name: String,
  indications: [{ icdCode: String, description: String }],
  contraindications: [{ description: String }],
  usageHistory: [{
    usedAt: Date,
    patientId: { type: mongoose.Schema.ObjectId, ref: 'Patient' },
    diagnosis: String, // expect: unencrypted-phi-field
  }],
});

module.exports = mongoose.model('TreatmentProtocol', treatmentProtocolSchema);
