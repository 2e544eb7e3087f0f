// Mongoose references are ids until populated (docs/rules/phi-in-log.md, "What stays quiet"). A
// schema field `patient: { type: Schema.Types.ObjectId, ref: 'Patient' }` holds the patient's
// ObjectId; the document holds the patient record there only once the query that produced it
// populates the field (`.populate('patient')`, `.populate({ path: 'patient' })`) or the document
// does (`await visit.populate('patient')`), in the same function. So `conflict.patient` of
// `await Appointment.findOne({...})` with no populate of `patient` in the function is an id, and
// so is `this.patient` in a schema's method or hook (`visitSchema.methods.complete = function ...`,
// `visitSchema.post('save', function (doc) ...)`) that populates nothing: the caller's document is
// not known to be populated; so is a parameter named for a model of the same file
// (`autoDispenseForInvoice(invoice)`). A field the schema does not declare as a reference (an embedded
// `patient: { name: String }`) stays what its name says.

import type { BindingFact, CallExpr, Expr, FileFacts, MemberExpr, ModelFact } from '../../model/facts';
import { calleePath, innerValue } from '../../model/expressions';
import { within } from '../../model/ranges';
import { offsetOf } from '../../model/text';
import { modelQueried, namedModel } from './model-queries';

/** The reference fields of the model another module of the workspace exports under the name `name` has here; undefined when unknown. */
export type ReferenceFieldsOf = (name: string) => readonly string[] | undefined;

/** The model a value is a document of, as it was queried. */
interface DocumentModel {
  key: string;
  /** The variable (or `this`) holding the document. */
  document: string;
  /** The name the model is imported under, for a model of another module. */
  imported?: string;
  /** The `.populate(...)` steps of the query that produced it. */
  populated?: CallExpr[];
}

type ResolveBinding = (name: string, scopeId: number, offset: number) => BindingFact | undefined;

/** `Appointment`, `appointmentSchema`, `AppointmentModel` -> `appointment`: how a model is looked up across files. */
export function modelKey(name: string): string {
  return name.replace(/(?:Schema|Model)$/, '').toLowerCase();
}

/** The reference fields of the file's Mongoose schemas, by model key (`appointmentSchema` -> `appointment`). */
export function schemaReferenceFields(models: readonly ModelFact[] | undefined): Map<string, string[]> {
  const found = new Map<string, string[]>();
  for (const model of models ?? []) {
    if (model.orm !== 'mongoose') continue;
    const fields = model.fields.filter((field) => field.reference).map((field) => field.name);
    if (!fields.length) continue;
    const key = modelKey(model.name);
    found.set(key, [...new Set([...(found.get(key) ?? []), ...fields])]);
  }
  return found;
}

export class UnpopulatedReferences {
  private readonly own: Map<string, string[]>;
  /** Schema variables of the file (`visitSchema = new mongoose.Schema(...)`) -> model key. */
  private schemaVars?: Map<string, string>;
  /** Function scope -> model key of the schema it is a method or hook of; the first parameter of a hook is its document. */
  private schemaFunctions?: Map<number, { key: string; hook: boolean }>;

  constructor(
    private readonly facts: FileFacts,
    private readonly resolveBinding: ResolveBinding,
    private readonly referenceFieldsOf?: ReferenceFieldsOf,
  ) {
    this.own = schemaReferenceFields(facts.models);
  }

  /** `doc.patient` is a reference field of the document's model, and nothing in the function populates it. */
  isIdOnly(expr: MemberExpr, scopeId: number): boolean {
    const model = this.documentModel(expr.object, scopeId);
    if (!model) return false;
    const fields = this.own.get(model.key) ?? (model.imported ? this.referenceFieldsOf?.(model.imported) : undefined);
    if (!fields?.includes(expr.property)) return false;
    return !model.populated?.some((call) => isPopulateOf(call, expr.property)) && !this.populatedIn(scopeId, model.document, expr.property);
  }

  /** The model key of the document `object` is: a query's result, or `this` / a hook's document in a schema function. */
  private documentModel(object: Expr, scopeId: number): DocumentModel | undefined {
    const value = innerValue(object);
    if (value?.kind !== 'name') return undefined;
    const ofSchema = (key: string | undefined) => (key ? { key, document: value.name } : undefined);
    if (value.name === 'this') return ofSchema(this.schemaFunctionOf(scopeId, undefined));
    const binding = this.resolveBinding(value.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, value.range.start));
    if (!binding) return ofSchema(this.schemaFunctionOf(scopeId, value.name) ?? this.ownModelParameter(scopeId, value.name));
    if (binding.kind !== 'assign' && binding.kind !== 'iterate') return undefined;
    const queried = this.queriedModel(binding.value, binding.scopeId);
    return queried && { ...queried, document: value.name };
  }

  /** The model a query chain runs on (model-queries.ts), unless its capitalised receiver is a local value rather than a model. */
  private queriedModel(expr: Expr, scopeId: number): Omit<DocumentModel, 'document'> | undefined {
    const query = modelQueried(expr);
    if (query?.named) return { key: modelKey(query.named), populated: query.populated };
    const receiver = query?.receiver;
    if (!receiver || this.resolvesToValue(receiver, scopeId, expr)) return undefined;
    return { key: modelKey(receiver), imported: receiver, populated: query.populated };
  }

  /** A capitalised name bound in the function to something other than a model (`const Visit = await build()`) is not the model. */
  private resolvesToValue(name: string, scopeId: number, at: Expr): boolean {
    const binding = this.resolveBinding(name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, at.range.start));
    if (!binding || binding.scopeId === 0) return false;
    return !(binding.value.kind === 'call' && namedModel(binding.value));
  }

  /**
   * `autoDispenseForInvoice(invoice)` beside `invoiceSchema`: a parameter named for a model of this
   * file is that model's document, which the caller is not known to have populated (as `this` in a
   * schema method is not).
   */
  private ownModelParameter(scopeId: number, name: string): string | undefined {
    const key = modelKey(name);
    if (!this.own.has(key)) return undefined;
    for (let current: number | undefined = scopeId, i = 0; current !== undefined && current !== 0 && i < 64; current = this.facts.scopes[current]?.parentId, i++) {
      const scope = this.facts.scopes[current];
      if (scope?.kind === 'function' && scope.params.some((param) => param.name === name && !param.destructured)) return key;
    }
    return undefined;
  }

  /** The model key of the schema whose method or hook holds `scopeId`; with `param`, only when it is a hook's document parameter. */
  private schemaFunctionOf(scopeId: number, param: string | undefined): string | undefined {
    const functions = this.schemaFunctionsOfFile();
    for (let current: number | undefined = scopeId, i = 0; current !== undefined && i < 64; current = this.facts.scopes[current]?.parentId, i++) {
      const found = functions.get(current);
      if (!found) continue;
      if (param === undefined) return found.key;
      const first = this.facts.scopes[current].params[0];
      return found.hook && first?.name === param ? found.key : undefined;
    }
    return undefined;
  }

  private schemaFunctionsOfFile(): Map<number, { key: string; hook: boolean }> {
    if (this.schemaFunctions) return this.schemaFunctions;
    const functions = new Map<number, { key: string; hook: boolean }>();
    this.schemaFunctions = functions;
    const vars = this.schemaVariables();
    if (!vars.size) return functions;
    const mark = (range: Expr['range'], key: string, hook: boolean) => {
      for (const scope of this.facts.scopes) {
        if (scope.kind === 'function' && within(scope.range, range) && !functions.has(scope.id)) functions.set(scope.id, { key, hook });
      }
    };
    // `visitSchema.methods.complete = function () {...}`: a store into the schema variable.
    for (const binding of this.facts.bindings) {
      const key = binding.name.endsWith('[]') ? vars.get(binding.name.slice(0, -2)) : undefined;
      if (key) mark(binding.value.range, key, false);
    }
    // `visitSchema.pre('save', function () {...})`, `visitSchema.post('save', function (doc) {...})`, `schema.method('x', fn)`.
    for (const { call } of this.facts.calls) {
      const path = calleePath(call.callee);
      const key = path && path.length >= 2 ? vars.get(path[0]) : undefined;
      if (key) for (const arg of call.args) mark(arg.value.range, key, path!.at(-1) === 'post' || path!.at(-1) === 'pre');
    }
    return functions;
  }

  private schemaVariables(): Map<string, string> {
    if (this.schemaVars) return this.schemaVars;
    const vars = new Map<string, string>();
    for (const binding of this.facts.bindings) {
      const value = innerValue(binding.value);
      if (binding.kind === 'assign' && value?.kind === 'call' && value.isNew && calleePath(value.callee)?.at(-1) === 'Schema') vars.set(binding.name, modelKey(binding.name));
    }
    this.schemaVars = vars;
    return vars;
  }

  /**
   * The document itself is populated with `field` in the function (or a function it is nested in):
   * `await visit.populate('patient doctor')`, `this.populate({ path: 'patient' })`, `populate(paths)`.
   */
  private populatedIn(scopeId: number, document: string, field: string): boolean {
    const chain = new Set<number>();
    for (let current: number | undefined = scopeId, i = 0; current !== undefined && current !== 0 && i < 64; current = this.facts.scopes[current]?.parentId, i++) chain.add(current);
    return this.facts.calls.some(({ call, scopeId: at }) => {
      if (!chain.has(at) || call.callee.kind !== 'member') return false;
      const receiver = innerValue(call.callee.object);
      return receiver?.kind === 'name' && receiver.name === document && isPopulateOf(call, field);
    });
  }
}

function isPopulateOf(call: CallExpr, field: string): boolean {
  if (call.callee.kind !== 'member' || call.callee.property !== 'populate') return false;
  return call.args.length === 0 || call.args.some((arg) => names(arg.value, field));
}

/** Whether a populate argument names `field`: a path string (space-separated paths), `{ path }`, a list of them; anything else may. */
function names(expr: Expr, field: string): boolean {
  const value = innerValue(expr);
  if (!value) return true;
  if (value.kind === 'string') return value.value.split(/[\s,]+/).some((path) => path.split('.')[0] === field);
  if (value.kind === 'array') return value.items.some((item) => names(item, field));
  if (value.kind === 'object') {
    const path = value.entries.find((entry) => entry.key === 'path');
    return !path || names(path.value, field);
  }
  return true;
}
