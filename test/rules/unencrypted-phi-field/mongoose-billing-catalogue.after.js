// The catalogue of billable acts: each act's CPT code and the ICD code it is usually billed with,
// the same for every patient. A claim line ties the same codes to one patient: reported.
const mongoose = require('mongoose');
const { fieldEncryption } = require('mongoose-field-encryption');

const clinicalActSchema = new mongoose.Schema({
  actId: { type: String, unique: true },
  name: String,
  category: String,
  duration: Number,
  cptCode: String,
  icdCode: String,
});

const claimLineSchema = new mongoose.Schema({
  patient: { type: mongoose.Schema.ObjectId, ref: 'Patient' },
  cptCode: String,
  icdCode: String,
});
claimLineSchema.plugin(fieldEncryption, { fields: ['icdCode'], secret: process.env.FIELD_ENCRYPTION_KEY });

module.exports = {
  ClinicalAct: mongoose.model('ClinicalAct', clinicalActSchema),
  ClaimLine: mongoose.model('ClaimLine', claimLineSchema),
};
