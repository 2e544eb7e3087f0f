import { Schema } from 'mongoose';
import { fieldEncryption } from 'mongoose-field-encryption';
const PatientSchema = new Schema({
  ssn: String,
  diagnosis: String,
});
PatientSchema.plugin(fieldEncryption, { fields: ['ssn', 'diagnosis'], secret: process.env.FIELD_ENCRYPTION_KEY });
export default PatientSchema;
