// How many doses is a number: an extension's additional doses and a frequency's doses per day,
// logged to recalculate a price. A patient's doses (the list given) and a dose are still reported.
interface ExtensionRequest {
  body: { prescriptionId: string; additionalDoses: number; additionalDays: number };
}

export function extendPrescription(req: ExtensionRequest, frequencyResult: { dosesPerDay: number }, patient: { doses: string[]; dose: string }): void {
  console.log('Extension requested', { additionalDoses: req.body.additionalDoses, additionalDays: req.body.additionalDays });
  const { additionalDoses } = req.body;
  console.log(`Recalculating for ${additionalDoses} doses at ${frequencyResult.dosesPerDay} per day`);
  console.log('Doses given', patient.doses);  // expect: phi-in-log
  console.log('Dose', patient.dose);  // expect: phi-in-log
}
