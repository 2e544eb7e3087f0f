// Arithmetic gives a number: a charge total computed from the fee and the units of each
// procedure code is an amount, logged with ids only. The codes themselves, or a patient's
// balance computed with, are still reported.
interface CptLine {
  code: string;
  units: number;
}

interface ChargeData {
  cptCodes: CptLine[];
}

export function captureCharges(tenantId: string, encounterId: string, data: ChargeData, patient: Patient, fees: Map<string, number>): void {
  let totalCents = 0;
  for (const cpt of data.cptCodes) {
    const feeCents = fees.get(cpt.code) ?? 0;
    const chargeTotal = feeCents * cpt.units;
    totalCents += chargeTotal;
  }
  console.log('Charges captured', { tenantId, encounterId, totalCents });
  console.log('Charges captured', { tenantId, encounterId, cptCodes: data.cptCodes, totalCents });  // expect: phi-in-log
  const owed = patient.balance - totalCents;
  console.log('Balance left', { encounterId, owed });  // expect: phi-in-log
}
