// Types that hold a patient record in one of their fields (docs/rules/phi-in-log.md, "What is
// followed"): `type Props = AppProps & { patient: any; patientUuid: string }`. A value of such a
// type given whole to a logger writes the record with it (`console.error(error, this.lastProps)`),
// while the value is not the record itself: its other fields are not the patient's.

import type { FileFacts } from '../../model/facts';
import type { PhiClassifier } from '../phi/classify';

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
