// A treatment protocol lists the conditions it is meant for (`indications`): reference data, the
// same for every patient. The diagnosis it was used for on one patient is that patient's: reported.
const mongoose = require('mongoose');
const { fieldEncryption } = require('mongoose-field-encryption');

const treatmentProtocolSchema = new mongoose.Schema({
  name: String,
  indications: [{ icdCode: String, description: String }],
  contraindications: [{ description: String }],
  usageHistory: [{
    usedAt: Date,
    patientId: { type: mongoose.Schema.ObjectId, ref: 'Patient' },
    diagnosis: String,
  }],
});
treatmentProtocolSchema.plugin(fieldEncryption, { fields: ['diagnosis'], secret: process.env.FIELD_ENCRYPTION_KEY });

module.exports = mongoose.model('TreatmentProtocol', treatmentProtocolSchema);
