import { Schema } from 'mongoose';
import { fieldEncryption } from 'mongoose-field-encryption';
const PatientSchema = new Schema({
  ssn: String,
  diagnosis: String,  // expect: unencrypted-phi-field
});
PatientSchema.plugin(fieldEncryption, { fields: ['ssn'], secret: process.env.FIELD_ENCRYPTION_KEY });
export default PatientSchema;
