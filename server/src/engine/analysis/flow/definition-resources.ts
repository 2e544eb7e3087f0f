// A FHIR definition written in code is reference data (docs/rules/phi-in-log.md, "What stays
// quiet"): `const activityDef: ActivityDefinition = { resourceType: 'ActivityDefinition', code: {
// coding: [{ system: CPT, code: cptCode }] } }` is a lab test's catalogue entry, the same for every
// patient, whatever PHI words its parts are named by. A patient's order or answers are other
// resources (`ServiceRequest`, `QuestionnaireResponse`) and are judged as before. A resource about
// the organisation rather than a patient holds no patient's data either: a provider's `Schedule`
// (`{ resourceType: 'Schedule', actor: [{ reference: `${ownerType}/${ownerId}` }], extension }`), a
// `Location`, an `Organization`.

import { DEFINITION_RESOURCE_TYPES, ORGANISATION_RESOURCE_TYPES } from '../../catalogues/fhir-resources';
import type { ObjectExpr } from '../../model/facts';

/** An object literal whose `resourceType` is a definitional or terminology resource's, or the organisation's. */
export function isNonPatientResourceLiteral(expr: ObjectExpr): boolean {
  const type = expr.entries.find((entry) => !entry.spread && entry.key === 'resourceType')?.value;
  return type?.kind === 'string' && (DEFINITION_RESOURCE_TYPES.has(type.value) || ORGANISATION_RESOURCE_TYPES.has(type.value));
}
