// Types that hold a patient record in one of their fields (docs/rules/phi-in-log.md, "What is
// followed"): `type Props = AppProps & { patient: any; patientUuid: string }`. A value of such a
// type given whole to a logger writes the record with it (`console.error(error, this.lastProps)`),
// while the value is not the record itself: its other fields are not the patient's. And types
// whose own fields are PHI (`interface VitalsFormData { systolic; diastolic }`): a value of such a
// type, named for the patient or a clinical element, carries those fields.

import { BUILTIN_RECORD_NOUNS, STAFF_WORDS } from '../../catalogues/phi-elements';
import type { FileFacts, TypeShapeFact } from '../../model/facts';
import type { PhiCategory } from '../../model/types';
import type { PhiClassifier } from '../phi/classify';
import { tokenize } from '../phi/identifiers';

/** The file's types that hold a record, each with the field that holds it (through the types it is made of too). */
export function recordHoldingTypes(facts: FileFacts, classifier: PhiClassifier, imported?: (typeName: string) => string | undefined): Map<string, string> {
  const holding = new Map<string, string>();
  const shapes = facts.typeShapes ?? [];
  if (!shapes.length) return holding;
  for (const shape of shapes) {
    const field = shape.fields.find((name) => classifier.classify(name).kind === 'record');
    if (field) holding.set(shape.name, field);
  }
  // Types made of others: to a fixpoint (bounded by the number of types).
  for (let changed = true, round = 0; changed && round <= shapes.length; round++) {
    changed = false;
    for (const shape of shapes) {
      if (holding.has(shape.name)) continue;
      const local = shape.refs.find((ref) => holding.has(ref));
      const field = local !== undefined ? holding.get(local) : shape.refs.map((ref) => (shapes.some((s) => s.name === ref) ? undefined : imported?.(ref))).find(Boolean);
      if (field) {
        holding.set(shape.name, field);
        changed = true;
      }
    }
  }
  return holding;
}

/** A field of a type that holds a PHI element. */
export interface PhiField {
  field: string;
  element: string;
  category: PhiCategory;
}

/** The file's types whose own fields are PHI (phiFieldsOfType), for other files that import them. */
export function phiFieldTypes(facts: FileFacts, classifier: PhiClassifier): Map<string, PhiField[]> {
  const types = new Map<string, PhiField[]>();
  for (const shape of facts.typeShapes ?? []) {
    const fields = phiFieldsOfShape(shape, classifier);
    if (fields.length) types.set(shape.name, fields);
  }
  return types;
}

/**
 * `data: VitalsFormData` where the file declares `interface VitalsFormData { systolic; diastolic }`:
 * the value carries the PHI its type's own fields name (elements that are PHI anywhere, not `name`
 * alone), so logging it whole logs them. A type named for staff (`ProviderFormData`) is theirs.
 */
export function phiFieldsOfType(facts: FileFacts, classifier: PhiClassifier, typeName: string): PhiField[] {
  const shape = facts.typeShapes?.find((candidate) => candidate.name === typeName);
  return shape ? phiFieldsOfShape(shape, classifier) : [];
}

function phiFieldsOfShape(shape: TypeShapeFact, classifier: PhiClassifier): PhiField[] {
  const typeName = shape.name;
  if (tokenize(typeName).some((token) => STAFF_WORDS.has(token))) return [];
  const found: PhiField[] = [];
  for (const field of shape.fields) {
    const classification = classifier.classify(field);
    if (classification.kind === 'element' && classification.context === 'any') found.push({ field, element: classification.element, category: classification.category });
  }
  // Only a type named for the patient or for what it holds (`PatientFormData`, `VitalsFormData`):
  // a filter, a reminder or a user with a `city` or an `email` field is not a patient's record.
  const typeTokens = new Set(tokenize(typeName));
  // Contact words name too many things (`ReminderEmailOptions` is a mail to a clinician): a type is
  // named for what it holds only by a clinical element (`vitals`, `diagnosis`).
  const clinical = found.filter((entry) => entry.category === 'clinical').flatMap((entry) => entry.element.split('_'));
  const namedFor = [...PATIENT_TYPE_WORDS, ...clinical].some((word) => typeTokens.has(word));
  return namedFor ? found : [];
}

/** Words that make a type's name a patient's or a clinical one. */
const PATIENT_TYPE_WORDS = [...BUILTIN_RECORD_NOUNS.filter((noun) => noun.length === 1).map((noun) => noun[0]), 'clinical', 'medical', 'health'];
