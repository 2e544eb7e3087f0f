// An error whose own words speak of stock names products short on the shelf: the drugs of a
// prescription being dispensed, listed with the stock counts, name no patient. The same drugs in
// an error that names the patient or the prescription stay reported.
export async function dispensePrescription(req: any, res: any) {
  const prescription = await Prescription.findById(req.params.id);
  const insufficientStock: { medication: string; required: number; available: number }[] = [];
  for (const medication of prescription.medications) {
    const item = await Inventory.findOne({ drug: medication.drug });
    if (item.currentStock < medication.quantity) {
      insufficientStock.push({ medication: medication.drugName, required: medication.quantity, available: item.currentStock });
    }
  }
  if (insufficientStock.length > 0) {
    return res.status(400).json({ success: false, error: 'Insufficient stock for some medications', insufficientStock });
  }
  const first = prescription.medications[0];
  if (!first.approved) {
    return res.status(400).json({ error: `Prescription not approved for ${first.drugName}` });  // expect: phi-in-error
  }
  if (!first.inStock) {
    return res.status(409).json({ error: 'Out of stock for this patient', medication: first.drugName });  // expect: phi-in-error
  }
  return res.json({ success: true });
}
