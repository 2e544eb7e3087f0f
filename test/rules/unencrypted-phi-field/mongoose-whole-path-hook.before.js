// A pre-save hook stores `medicalHistory` as one ciphertext: every field under it is encrypted.
// `problemList` is not under an encrypted path: reported.
const mongoose = require('mongoose');
const { encrypt } = require('../utils/phiEncryption');

const patientSchema = new mongoose.Schema({
  medicalHistory: {
    chronicConditions: [{ condition: String, diagnosis: String }],
    familyHistory: [{ relation: String, diagnosis: String }],
  },
  problemList: [{ diagnosis: String }], // expect: unencrypted-phi-field
});

function encryptObjectField(value) {
  return encrypt(JSON.stringify(value));
}

patientSchema.pre('save', function (next) {
  if (this.isModified('medicalHistory') && this.medicalHistory) {
    this.set('medicalHistory', encryptObjectField(this.medicalHistory), { strict: false });
  }
  // Decrypting a path says nothing about how it is stored.
  this.problemList = decryptObjectField(this.problemList);
  next();
});

module.exports = mongoose.model('Patient', patientSchema);
