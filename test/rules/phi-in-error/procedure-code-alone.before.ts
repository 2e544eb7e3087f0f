// A fee schedule without a price for a code is a configuration error; a patient's claim line in the message is billing PHI.
export class UnpricedCptCodesError extends Error {}

export function estimateCost(feeSchedule, cptCodes: string[]) {
  const unpricedCptCodes = cptCodes.filter((cptCode) => !feeSchedule.has(cptCode));
  if (unpricedCptCodes.length) {
    throw new UnpricedCptCodesError(unpricedCptCodes.join(', '));
  }
}

export function validateClaimLine(claimId: string, cptCode: string) {
  if (!cptCode.match(/^\d{5}$/)) {
    throw new Error(`Claim ${claimId} has an invalid procedure ${cptCode}`);  // expect: phi-in-error
  }
}
