// Amounts, balances and counts of doses name no one: an error carrying only them is quiet.
export async function recordPayment(req, res, invoice) {
  const { amountPaid } = req.body;
  if (amountPaid > invoice.balance) {
    return res.status(400).json({ error: 'Payment exceeds balance', amountPaid, invoiceBalance: invoice.balance });
  }
  return res.json({ ok: true });
}

export function checkDoses(res, paymentAuth, totalDoses) {
  if (paymentAuth.authorizedDoses + paymentAuth.unauthorizedDoses !== totalDoses) {
    return res.status(400).json({ error: `Authorized (${paymentAuth.authorizedDoses}) + Unauthorized (${paymentAuth.unauthorizedDoses}) ≠ Total (${totalDoses})` });
  }
  return undefined;
}

export function checkStock(inventoryItem, prescriptionData) {
  if (inventoryItem.quantity < prescriptionData.quantity) {
    throw new Error(`Insufficient stock. Available: ${inventoryItem.quantity}, Requested: ${prescriptionData.quantity}`);
  }
}

// The balance read off the patient's own record, or beside the patient's name, stays reported.
export function patientBalance(res, patient) {
  if (patient.balance > 0) {
    return res.status(409).json({ error: `Outstanding balance ${patient.balance}` });  // expect: phi-in-error
  }
  return undefined;
}

export function namedBalance(res, invoice, patient) {
  return res.status(409).json({ error: `${patient.firstName} owes ${invoice.balance}` });  // expect: phi-in-error
}

// A drug beside the quantity is not a number: reported.
export function drugAndQuantity(prescription) {
  throw new Error(`Cannot dispense ${prescription.medicationName}: ${prescription.quantity} requested`);  // expect: phi-in-error
}
