// What a file's path says about the values in it, beyond accounts (account-module.ts).

import { isPatientSideModule, isPatientSidePath } from './account-module';
import { fileAndFolderTokens, tokenize } from './identifiers';
import { isRuleModule } from './rule-module';

/** Tokens of names about reference prices, whose procedure codes are a price list's, not a patient's (`feeSchedule`, `pricing`). */
export const PRICING_WORDS = new Set(['fee', 'fees', 'pricing', 'price', 'prices', 'pricelist', 'chargemaster', 'tariff', 'tariffs']);

/** Tokens of names about the organisation's suppliers (`vendor.service.ts`, `supplierContracts`): their insurance is liability cover. */
export const VENDOR_WORDS = new Set(['vendor', 'vendors', 'supplier', 'suppliers', 'contractor', 'contractors', 'subcontractor', 'subcontractors']);

/** Tokens of file names about stock (`inventoryService.ts`, `stock-levels.ts`): a drug there is a product on a shelf. */
export const INVENTORY_WORDS = new Set(['inventory', 'inventories', 'stock', 'warehouse', 'procurement', 'restock', 'restocking']);

export interface ModuleTraits {
  /** About decision-support rules: a `condition` is a rule's (rule-module.ts). */
  rules?: boolean;
  /** A patient portal's module: its sign-in functions handle patients' credentials. */
  patientSide?: boolean;
  /** A folder or the file on its path names the patient's side (`patient-portal/src/api/profile.ts`): its signed-in accounts may be patients. */
  patientSidePath?: boolean;
  /** About prices (`feeSchedules.ts`, `pricing/`): a procedure code is a price list's. */
  pricing?: boolean;
  /** Named for the organisation's vendors (`vendor.service.ts`; not a folder of vendor integrations): an insurance is a vendor's cover. */
  vendors?: boolean;
  /** Named for stock (`inventoryService.ts`): a medication logged with nothing naming a patient is a product. */
  inventory?: boolean;
  /** The workspace's models of its own people (account-models.ts): `person.name` there is a member's. */
  accountModels?: ReadonlySet<string>;
}

export function moduleTraits(filePath: string): ModuleTraits {
  return {
    rules: isRuleModule(filePath),
    patientSide: isPatientSideModule(filePath),
    patientSidePath: isPatientSidePath(filePath),
    pricing: isPricingModule(filePath),
    vendors: fileStemTokens(filePath).some((token) => VENDOR_WORDS.has(token)),
    inventory: fileStemTokens(filePath).some((token) => INVENTORY_WORDS.has(token)),
  };
}

/** The file's name or its folder's is about prices. */
function isPricingModule(filePath: string): boolean {
  return fileAndFolderTokens(filePath).some((token) => PRICING_WORDS.has(token));
}

function fileStemTokens(filePath: string): string[] {
  return tokenize((filePath.replace(/\\/g, '/').split('/').at(-1) ?? '').replace(/\..*$/, ''));
}
