// A value given to findById is the row's primary key, whatever it is called: the error prints an id.
export async function createInvoice(invoiceData) {
  const { patient } = invoiceData;
  const patientDoc = await Patient.findById(patient);
  if (!patientDoc) {
    throw new Error(`Patient not found with ID: ${patient}`);
  }
  const item = await InventoryItem.findById(invoiceData.medication);
  if (!item) throw new Error(`Medication not found in inventory: ${invoiceData.medication}`);
  return { patientDoc, item };
}

// Looked up by another field, the value is what it is named: reported.
export async function findByName(invoiceData) {
  const patientDoc = await Patient.findOne({ name: invoiceData.patientName });
  if (!patientDoc) throw new Error(`No patient named (invoiceDataId=${invoiceData.id})`);
  const byId = await Patient.findById(invoiceData.patientId);
  if (!byId) throw new Error(`Patient missing (invoiceDataId=${invoiceData.id})`);
  return byId;
}
