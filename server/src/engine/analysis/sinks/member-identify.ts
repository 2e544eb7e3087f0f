// An analytics SDK's `identify` names the signed-in user of the app (docs/rules/phi-to-third-party.md,
// "What stays quiet"): `posthog.identify(personId, { name, email })`. In a workspace whose people
// are the app's workforce (account-models.ts: a `Person` with roles and memberships and no patient
// field), outside a patient portal's modules and paths, that user is a clinic member, and their
// name and e-mail are staff contact data. A record, clinical data, or any other call (`capture`,
// `track`) keeps the call reported.

import type { CallFact } from '../../model/facts';
import type { ModuleTraits } from '../phi/module-traits';
import type { PartTaint } from './message-parts';

/** The calls that name the signed-in user to an analytics service. */
const IDENTIFY_METHODS = new Set(['identify', 'setUserId', 'set_user_id']);
/** What a member's profile holds: their name, e-mail and phone. */
const PROFILE_ELEMENTS = /^(?:name|first_name|last_name|full_name|middle_name|email|phone|phone_number|mobile)$/;

export function identifiesAppMember(fact: CallFact, vendorKind: string, taints: readonly PartTaint[], traits: ModuleTraits): boolean {
  if (vendorKind !== 'analytics' || !traits.accountModels?.size || traits.patientSide || traits.patientSidePath) return false;
  const callee = fact.call.callee;
  if (callee.kind !== 'member' || !IDENTIFY_METHODS.has(callee.property)) return false;
  return taints.every((taint) => !taint.record && taint.elements.every((element) => PROFILE_ELEMENTS.test(element.element)));
}
