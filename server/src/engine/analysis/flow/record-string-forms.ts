// What a whole record shows when it is turned into a string (docs/rules/phi-in-log.md, "What is
// followed"): `print(patient)`, `logger.info("%s", patient)`, `f"{patient}"`, `${patient}`.
// The contract counts it only where that string form carries the record's fields. The class is
// looked up in the same file: a Django model without `__str__` prints `Patient object (42)`,
// SQLAlchemy's default repr names the class and an address, a JS object in a template literal
// gives `[object Object]`; a `__str__` / `__repr__` / `toString()` is judged by the fields it
// reads. A class that cannot be looked up carries its fields (Python), since pydantic models,
// dataclasses, attrs classes, named tuples and dicts all print them.

import type { FileFacts, ScopeFact } from '../../model/facts';
import { offsetOf } from '../../model/text';
import type { PhiClassifier } from '../phi/classify';

export type StringForm = 'fields' | 'no-phi';

/** ORMs whose default string form shows no field values (SQLModel prints like pydantic: it shows them). */
const ORMS_WITHOUT_FIELDS_IN_STRING = new Set(['django', 'sqlalchemy']);

const PYTHON_STRING_METHODS = ['__str__', '__repr__'];
const TS_STRING_METHODS = ['toString'];

/** A method body that renders the whole record: every field is in the string. */
const WHOLE_RECORD_IN_BODY = /__dict__|\bvars\(\s*self\s*\)|\basdict\(\s*self\s*\)|\bmodel_dump|\.dict\(\)|JSON\.stringify\(\s*this\s*\)|\.\.\.\s*this\b/;
const FIELD_READ = /\b(?:self|this)\s*\.\s*([A-Za-z_$][\w$]*)/g;

export class RecordStringForms {
  private readonly cache = new Map<string, StringForm>();

  constructor(
    private readonly facts: FileFacts,
    private readonly classifier: PhiClassifier,
  ) {}

  /** How a record of `className` (undefined: not known) reads as a string. */
  formOf(className: string | undefined): StringForm {
    const key = className ?? '';
    let form = this.cache.get(key);
    if (!form) this.cache.set(key, (form = this.compute(className)));
    return form;
  }

  private compute(className: string | undefined): StringForm {
    const python = this.facts.language === 'python';
    const owner = className ? this.facts.scopes.find((scope) => scope.kind === 'class' && scope.name === className) : undefined;
    // An unknown Python class may be a pydantic model or a dataclass; an unknown JS value in a
    // template literal is an object or interface-typed value, `[object Object]`.
    if (!owner) return python ? 'fields' : 'no-phi';
    const methodNames = python ? PYTHON_STRING_METHODS : TS_STRING_METHODS;
    const method = this.facts.scopes.find((scope) => scope.kind === 'function' && scope.parentId === owner.id && methodNames.includes(scope.name ?? ''));
    if (method) return this.methodShowsPhi(method) ? 'fields' : 'no-phi';
    if (!python) return 'no-phi';
    const model = this.facts.models?.find((candidate) => candidate.name === className);
    return model && ORMS_WITHOUT_FIELDS_IN_STRING.has(model.orm) ? 'no-phi' : 'fields';
  }

  /** Whether a `__str__` / `toString` reads a PHI field of its record, or renders all of them. */
  private methodShowsPhi(method: ScopeFact): boolean {
    const { lineStarts, text } = this.facts;
    const body = text.slice(offsetOf(lineStarts, text, method.range.start), offsetOf(lineStarts, text, method.range.end));
    if (WHOLE_RECORD_IN_BODY.test(body)) return true;
    for (const match of body.matchAll(FIELD_READ)) {
      const kind = this.classifier.classify(match[1]).kind;
      if (kind === 'element' || kind === 'record') return true;
    }
    return false;
  }
}
