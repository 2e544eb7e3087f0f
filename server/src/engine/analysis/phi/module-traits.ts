// What a file's path says about the values in it, beyond accounts (account-module.ts).

import { isPatientSideModule } from './account-module';
import { fileAndFolderTokens } from './identifiers';
import { isRuleModule } from './rule-module';

/** Tokens of names about reference prices, whose procedure codes are a price list's, not a patient's (`feeSchedule`, `pricing`). */
export const PRICING_WORDS = new Set(['fee', 'fees', 'pricing', 'price', 'prices', 'pricelist', 'chargemaster', 'tariff', 'tariffs']);

export interface ModuleTraits {
  /** About decision-support rules: a `condition` is a rule's (rule-module.ts). */
  rules?: boolean;
  /** A patient portal's module: its sign-in functions handle patients' credentials. */
  patientSide?: boolean;
  /** About prices (`feeSchedules.ts`, `pricing/`): a procedure code is a price list's. */
  pricing?: boolean;
}

export function moduleTraits(filePath: string): ModuleTraits {
  return { rules: isRuleModule(filePath), patientSide: isPatientSideModule(filePath), pricing: isPricingModule(filePath) };
}

/** The file's name or its folder's is about prices. */
function isPricingModule(filePath: string): boolean {
  return fileAndFolderTokens(filePath).some((token) => PRICING_WORDS.has(token));
}
