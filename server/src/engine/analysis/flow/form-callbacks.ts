// A callback given to a form component for its data (`<ClinicalNoteForm onUpdate={(data) => ...} />`,
// `<PatientForm onSubmit={(values) => ...} />`) is handed what was typed into the form: the
// patient's demographics, the encounter's clinical note. Its first parameter holds that record,
// whatever it is called (RULES.md, "Whole records"). Only a form for a patient's or a clinical
// record, and only the attributes through which a form hands over its data: a `LoginForm`'s
// values, a `SettingsForm`'s, or an `onCancel` / `onChange(event)` are something else.

import type { ScopeFact } from '../../model/facts';
import type { PhiCategory } from '../../model/types';
import { tokenize } from '../phi/identifiers';

/** Attributes through which a form hands the page its data. */
const DATA_ATTRIBUTES = new Set(['onSubmit', 'onSave', 'onUpdate', 'onComplete', 'onFinish', 'onCreate', 'onDone']);

/** Last words of a component that collects a record's data. */
const FORM_WORDS = new Set(['form', 'editor', 'wizard']);

/** Words naming a clinical record typed in by a clinician: the note, the vitals, the assessment. */
const CLINICAL_FORM_WORDS = new Set(['clinical', 'note', 'notes', 'soap', 'vital', 'vitals', 'assessment', 'consultation', 'progress']);

/**
 * The category of the record a form callback's first parameter holds, for the callback's scope
 * and `recordCategory` (the classifier's record category of a name); undefined when it is none.
 */
export function formDataCategory(scope: ScopeFact | undefined, recordCategory: (name: string) => PhiCategory | undefined): PhiCategory | undefined {
  const jsx = scope?.jsxAttribute;
  if (!jsx || !DATA_ATTRIBUTES.has(jsx.attribute)) return undefined;
  // `<Forms.PatientForm>`: the component's own name.
  const tokens = tokenize(jsx.element.split('.').at(-1) ?? '');
  if (tokens.length < 2 || !FORM_WORDS.has(tokens[tokens.length - 1])) return undefined;
  const subject = tokens.slice(0, -1);
  return recordCategory(subject.join('_')) ?? (subject.some((token) => CLINICAL_FORM_WORDS.has(token)) ? 'clinical' : undefined);
}
