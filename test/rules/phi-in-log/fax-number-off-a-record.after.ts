// A fax number is a fax machine's, which a clinic sends orders to (a provider's or payer's office);
// a patient's only when read off their record. A phone number stays PHI wherever it appears.
export async function sendOrderFax(body: { faxNumber: string; phoneNumber: string }, patient: Patient) {
  const faxNumber = body.faxNumber;
  console.log('Sending order fax to', faxNumber);
  console.log('patient fax', { patientId: patient.id });
  console.log('callback phone', { recordId: body.id });
}
