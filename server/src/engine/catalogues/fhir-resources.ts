// FHIR resource types that hold no patient's data, by what they describe. Shared by the rules
// that meet FHIR resources written in code (`{ resourceType: 'ActivityDefinition', ... }`) and in
// data files.

/** Resources about providers, places and things: the persons in them are not patients. */
export const NON_PATIENT_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'Practitioner', 'PractitionerRole', 'Organization', 'OrganizationAffiliation', 'Location', 'HealthcareService',
  'Endpoint', 'Device', 'Medication', 'MedicationKnowledge', 'Substance', 'InsurancePlan',
]);

/**
 * Definitional and terminology resources: the catalogue of what can be ordered, asked or coded
 * (a lab test's `ActivityDefinition` with its CPT codes, a form's `Questionnaire`, a `ValueSet`).
 * They are the same for every patient; a patient's order, answers or results are other resources
 * (`ServiceRequest`, `QuestionnaireResponse`, `Observation`).
 */
export const DEFINITION_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'ActivityDefinition', 'PlanDefinition', 'ObservationDefinition', 'SpecimenDefinition', 'ChargeItemDefinition',
  'EventDefinition', 'DeviceDefinition', 'MessageDefinition', 'OperationDefinition', 'StructureDefinition',
  'Questionnaire', 'ValueSet', 'CodeSystem', 'ConceptMap', 'NamingSystem', 'SearchParameter', 'CapabilityStatement',
  'Library', 'Measure', 'MedicationKnowledge',
]);

/**
 * Resources about the organisation that offers care, never about who receives it: its places
 * (`Location`), the organisation itself, its services and endpoints, its staff (`Practitioner`,
 * whose contact details are not PHI) and when they are available (`Schedule`, `Slot`). A
 * patient's booking is an `Appointment`, judged as before.
 */
export const ORGANISATION_RESOURCE_TYPES: ReadonlySet<string> = new Set([
  'Location', 'Organization', 'HealthcareService', 'Endpoint', 'Practitioner', 'PractitionerRole', 'Schedule', 'Slot',
]);

/** Resources named like a definition's part that are a patient's record (`QuestionnaireResponseItem`). */
const PATIENT_RECORDS_NAMED_LIKE_DEFINITIONS = ['QuestionnaireResponse', 'MeasureReport'];

/**
 * `QuestionnaireItem`, `ValueSetCompose`, `ActivityDefinition`: a type name of a definitional or
 * terminology resource or of one of its parts (FHIR's TypeScript types name a part after its
 * resource). Not `QuestionnaireResponseItem`: a patient's answers.
 */
export function isDefinitionTypeName(typeName: string): boolean {
  if (PATIENT_RECORDS_NAMED_LIKE_DEFINITIONS.some((record) => typeName.startsWith(record))) return false;
  for (const resource of DEFINITION_RESOURCE_TYPES) {
    if (typeName === resource || (typeName.startsWith(resource) && /^[A-Z]/.test(typeName.slice(resource.length)))) return true;
  }
  return false;
}
