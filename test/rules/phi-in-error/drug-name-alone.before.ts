// A drug's name alone, in an error whose words name no one and say nothing of its being given: a
// catalogue product. Beside a patient, a record of care or a dose given, it stays reported.
export async function priceOf(prescription) {
  const billable = await BillableItem.findOne({ name: prescription.medicationName, type: 'medication' });
  if (!billable) throw new Error(`No pricing found for medication: ${prescription.medicationName}`);
  return billable.unitPrice;
}

export function checkEyeSelection(req, res) {
  const missing = [];
  for (const med of req.body.medications) if (!med.eye) missing.push({ medication: med.drugName });
  if (missing.length) return res.status(400).json({ error: 'Missing eye selection for ophthalmic medications', medications: missing });
  return undefined;
}

export function patientDrug(res, patient, prescription) {
  return res.status(409).json({ error: `${patient.firstName} already takes ${prescription.medicationName}` });  // expect: phi-in-error
}

export function patientWord(res, prescription) {
  return res.status(409).json({ error: `Patient is allergic to ${prescription.medicationName}` });  // expect: phi-in-error
}

export function ownMedications(patient) {
  throw new Error(`Unknown drugs: ${patient.medications}`);  // expect: phi-in-error
}
