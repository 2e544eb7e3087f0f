// The key of a group of totals a handler computes (`m.set(diagnosis, { count: 0 })`) says what the
// totals are per: a diagnosis code, a note type, a month. Totals per person (keyed by a patient's
// name, e-mail or id) are that person's rows counted, not totals across patients.

import type { Expr } from '../../model/facts';
import { tokenize } from '../phi/identifiers';

/** Words of a person's name, contact details or identifiers. */
const PERSON_FIELD_WORDS = new Set(['email', 'phone', 'mobile', 'dob', 'birth', 'birthdate', 'ssn', 'mrn', 'address', 'street', 'zip', 'postal']);
/** Words before `name` that make it a person's (`firstName`, `patient_name`); `diagnosisName` is a diagnosis's. */
const PERSON_NAME_WORDS = new Set(['first', 'last', 'full', 'middle', 'given', 'family', 'legal', 'preferred', 'display', 'nick', 'patient', 'client', 'member', 'person', 'user']);
/** Words of a person's record whose key (`patientId`, `client_id`) groups by person. */
const PERSON_WORDS = new Set(['patient', 'patients', 'client', 'clients', 'member', 'members', 'person', 'people', 'user', 'users', 'subject']);
const KEY_WORDS = new Set(['id', 'ids', 'uuid', 'pk', 'key']);

/** Whether an expression reads a person's name, contact or key anywhere in it (`p.lastName`, `` `${row.email}` ``). */
export function namesPersonField(expr: Expr, depth: number): boolean {
  if (depth > 8) return true;
  const next = (child: Expr) => namesPersonField(child, depth + 1);
  switch (expr.kind) {
    case 'name':
      return isPersonField(expr.name);
    case 'member':
      return isPersonField(expr.property) || next(expr.object);
    case 'index':
      return next(expr.object) || next(expr.index);
    case 'call':
      return next(expr.callee) || expr.args.some((arg) => next(arg.value));
    case 'template':
      return expr.parts.some((part) => !('text' in part) && next(part.expr));
    case 'binary':
      return next(expr.left) || next(expr.right);
    case 'object':
      return expr.entries.some((entry) => next(entry.value));
    case 'array':
      return expr.items.some(next);
    case 'other':
      return expr.children.some(next);
    default:
      return false;
  }
}

function isPersonField(name: string): boolean {
  const tokens = tokenize(name);
  if (tokens.some((token) => PERSON_FIELD_WORDS.has(token))) return true;
  const last = tokens[tokens.length - 1] ?? '';
  if (last === 'name') return tokens.length === 1 || PERSON_NAME_WORDS.has(tokens[tokens.length - 2]);
  return KEY_WORDS.has(last) && tokens.slice(0, -1).some((token) => PERSON_WORDS.has(token));
}
