// A PHI value as the flow follows it (flow.ts): which catalogue elements it carries, whether it is a
// whole record, where it came from and through which variables; and the small operations on it.

import type { Expr } from '../../model/facts';
import type { FlowStep, PhiCategory, PhiElementRef, Range } from '../../model/types';
import type { IdentifierClass, PhiClassifier } from '../phi/classify';
import { tokenize } from '../phi/identifiers';
import { SERIALISED_WORDS } from './value-kinds';

export interface Taint {
  elements: PhiElementRef[];
  /** The value is a whole patient record (or a collection / serialisation of one). */
  record: boolean;
  /** The record expression the PHI was read from (`patient` in `patient.dob`): the id fix uses it. */
  recordRoot?: Expr;
  /**
   * The PHI was read off `recordRoot` by key (`row["mrn"]`, `row.get("mrn")`): in Python a mapping,
   * which has no `.id` attribute for the id fix to write.
   */
  recordRootByKey?: true;
  /** The innermost expression that introduced the PHI. */
  origin: Range;
  /** Source first; each variable the PHI went through after it. */
  steps: FlowStep[];
  /**
   * The value is the record object itself (or its `str()`), not its data: turned into a string it
   * shows what its class's string form shows (record-string-forms.ts). `className` when known.
   */
  objectForm?: { className?: string; anyModel?: true };
  /**
   * The value is not a record but holds one in this field (a `Props` type with a `patient` field,
   * record-types.ts): given whole to a logger it writes the record; its other fields are not PHI.
   */
  holder?: string;
  /**
   * The value is what the request being handled sent (a rejected form, rejected-request-input.ts):
   * sent back to that same requester in an error response, it discloses nothing new.
   */
  echoesRequest?: true;
}

export function fromClassification(classification: IdentifierClass, expr: Expr, root: Expr | undefined, label: string, rootByKey = false): Taint | undefined {
  if (classification.kind === 'record') {
    // `patient_json`, `patientStr`: already a serialisation, not the record object.
    const serialised = expr.kind === 'name' && tokenize(expr.name).some((token) => SERIALISED_WORDS.has(token));
    return recordTaint(classification.category, expr, expr.range, `${label} (${classification.category} record)`, serialised ? undefined : {});
  }
  if (classification.kind !== 'element') return undefined;
  // A bare variable needs no context when the element is PHI anywhere; `name` alone does.
  if (expr.kind === 'name' && classification.context !== 'any') return undefined;
  return {
    elements: [{ element: classification.element, category: classification.category }],
    record: false,
    recordRoot: root,
    ...(root && rootByKey ? { recordRootByKey: true as const } : {}),
    origin: expr.range,
    steps: [{ range: expr.range, label: `${label} (${classification.element}, ${classification.category})` }],
  };
}

/** `claims`, `tokenClaims`: the claims themselves, which a token or a request may hold (not `claim_id` or `claim_number`). */
export function isClaimsWord(classification: IdentifierClass, name: string): boolean {
  if (classification.kind !== 'element' || classification.element !== 'claim') return false;
  const last = tokenize(name).at(-1);
  return last === 'claims' || last === 'claim';
}

export function recordTaint(category: PhiCategory, root: Expr, range: Range, label: string, objectForm?: Taint['objectForm']): Taint {
  const taint: Taint = { elements: [{ element: 'record', category }], record: true, recordRoot: root, origin: range, steps: [{ range, label }] };
  if (objectForm) taint.objectForm = objectForm;
  return taint;
}

/** The taint of a value made from a record's data (`vars(patient)`, a dict, JSON): no longer the record object. */
export function plain(taint: Taint): Taint;
export function plain(taint: Taint | undefined): Taint | undefined;
export function plain(taint: Taint | undefined): Taint | undefined {
  if (!taint?.objectForm) return taint;
  const { objectForm: _objectForm, ...rest } = taint;
  return rest;
}

export function union(taints: (Taint | undefined)[]): Taint | undefined {
  const present = taints.filter((taint): taint is Taint => !!taint);
  if (present.length <= 1) return present[0];
  const elements: PhiElementRef[] = [];
  for (const taint of present) {
    for (const element of taint.elements) {
      if (!elements.some((e) => e.element === element.element && e.category === element.category)) elements.push(element);
    }
  }
  return {
    elements,
    record: present.some((taint) => taint.record),
    ...rootOf(present.find((taint) => taint.recordRoot)),
    ...(present.every((taint) => taint.echoesRequest) ? { echoesRequest: true as const } : {}),
    origin: present[0].origin,
    steps: present[0].steps,
  };
}

/** A taint's record root with how the PHI was read off it, for a taint built from it. */
export function rootOf(taint: Taint | undefined): Pick<Taint, 'recordRoot' | 'recordRootByKey'> {
  if (!taint?.recordRoot) return {};
  return taint.recordRootByKey ? { recordRoot: taint.recordRoot, recordRootByKey: true } : { recordRoot: taint.recordRoot };
}

/** The taint without its record root, for a value whose root is no longer repeatable or is set anew. */
export function withoutRoot(taint: Taint): Taint {
  const { recordRoot: _root, recordRootByKey: _byKey, ...rest } = taint;
  return rest;
}

export function categoryOfType(typeNames: string[], classifier: PhiClassifier): PhiCategory {
  for (const type of typeNames) {
    const classification = classifier.classify(type);
    if (classification.kind === 'record') return classification.category;
  }
  return 'demographics';
}


export function lastName(expr: Expr): string | undefined {
  if (expr.kind === 'name') return expr.name;
  if (expr.kind === 'member') return expr.property;
  if (expr.kind === 'other' && expr.children.length === 1) return lastName(expr.children[0]);
  if (expr.kind === 'call') return lastName(expr.callee);
  return undefined;
}

/** What a taint holds, by element names only. */
export function describe(taint: Taint): string {
  return taint.elements.map((element) => (element.element === 'record' ? `${element.category} record` : element.element)).join(', ');
}
