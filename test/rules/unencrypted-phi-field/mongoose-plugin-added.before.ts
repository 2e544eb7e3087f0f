import { Schema } from 'mongoose';
const PatientSchema = new Schema({
  ssn: String,  // expect: unencrypted-phi-field
  diagnosis: String,  // expect: unencrypted-phi-field
});
export default PatientSchema;
