// What a file's path says about the values in it, beyond accounts (account-module.ts).

import { isPatientSideModule } from './account-module';
import { isRuleModule } from './rule-module';

export interface ModuleTraits {
  /** About decision-support rules: a `condition` is a rule's (rule-module.ts). */
  rules?: boolean;
  /** A patient portal's module: its sign-in functions handle patients' credentials. */
  patientSide?: boolean;
}

export function moduleTraits(filePath: string): ModuleTraits {
  return { rules: isRuleModule(filePath), patientSide: isPatientSideModule(filePath) };
}
