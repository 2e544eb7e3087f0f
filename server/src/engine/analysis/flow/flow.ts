// Intra-function PHI flow (docs/architecture.md, "Flow"; the rule pages' "What it finds"): which expressions carry PHI, where it
// came from, and through which variables. Works on the language-neutral facts only.

import type { BindingFact, CallExpr, Expr, FileFacts, MemberExpr, ParamFact, ScopeFact, TemplatePart } from '../../model/facts';
import { calleePath, innerValue, rootName } from '../../model/expressions';
import { functionWithin } from '../../model/facts-index';
import { offsetOf, sourceOf } from '../../model/text';
import type { PhiCategory, PhiElementRef, Range } from '../../model/types';
import { SUMMARY_MARKER } from '../../model/types';
import type { PhiClassifier } from '../phi/classify';
import { tokenize } from '../phi/identifiers';
import { namesPaperworkNumber, namesTestVocabularyCode, isActionName, isAuthorizationSource, isConstantMember, isConstantName, isJwtClaimName, isLastFewCharactersCall, isLastFewCharactersSlice, isMaskedPrefix, isMaskingReplace, isTableOfStrings } from '../phi/names-not-values';
import { indexBindings, innermostScopeAt, isStoreName, STORE_SUFFIX, type BindingIndex } from './binding-index';
import { containerBindings, isServiceName } from './containers';
import { RecordStringForms } from './record-string-forms';
import { phiFieldsOfType, recordHoldingTypes, type PhiField } from './record-types';
import { storedArguments } from './stored-as-phi';
import { exprLabel } from './expr-label';
import { withoutStaffElement } from './staff-named';
import { SIGNAL_INSTANCE_PARAM, signalReceivers, type SignalReceivers } from './signal-receivers';
import type { ModuleTraits } from '../phi/module-traits';
import { NonPersonContexts } from './non-person-contexts';
import { PersonByFields } from './person-by-fields';
import { isNonPatientResourceLiteral } from './definition-resources';
import { loopKeyName, testedKeyAround } from './tested-keys';
import { arithmeticResult, isArithmeticOperator } from './arithmetic';
import { isContactElement, namesOrganisationContact } from './organisation-contacts';
import { UnpopulatedReferences } from './unpopulated-references';
import {
  COUNTS_AND_TESTS,
  SERIALISING_CALLS,
  FILE_LISTING_METHODS,
  isConfigName,
  isConfigurationObjectName,
  isUrlParameters,
  isSerializerValue,
  isStoreCount,
  PASS_THROUGH_MODULES,
  SERIALIZER_DATA_MEMBERS,
  serializerRecordName,
  SHAPE_MEMBERS,
  STRING_FORM_FUNCTIONS,
  STRING_FORM_METHODS,
} from './value-kinds';
import { FALLBACK_OPERATORS, FETCH_VERBS, FROM_DICT_METHOD, MAPPING_METHODS, OPAQUE_FUNCTIONS, PASS_THROUGH_FUNCTIONS, PASS_THROUGH_METHODS, QUERY_METHODS, RECORD_ACCESS_WORDS, SEARCH_TERM_FIELDS, SEARCH_VERBS } from './call-kinds';
import type { FlowHooks } from './flow-hooks';
import { BODY_MEMBERS, BODY_READING_METHODS, readOnFailedResponse, requestedRecordWord } from './http-record-bodies';
import { formDataCategory } from './form-callbacks';
import { BODY_ATTRIBUTE, ERRORS_METHOD, holdsRequestValidationError, receiverName } from './rejected-request-input';
import { categoryOfType, describe, fromClassification, isClaimsWord, lastName, plain, recordTaint, rootOf, union, withoutRoot, type Taint } from './taint';

/** Words naming a variable as the result of a count (`treatmentCountResult`): what is read off it is a number. */
const COUNT_ROOT_TOKENS = new Set(['count', 'counts']);
const MAX_DEPTH = 60;

/** A record's own key (`id`, Django's `pk`, MongoDB's `_id`): an opaque id, not a record number. */
const RECORD_KEY_FIELDS = new Set(['id', 'pk', '_id', 'uuid']);

/** Array methods whose inline callback gets the receiver's elements (and `reduce`'s, the accumulator first). */
const ELEMENT_CALLBACK_METHODS = new Set(['map', 'flatMap', 'reduce']);

export class FlowAnalyzer {
  private readonly bindingsByScope: BindingIndex = new Map();
  /**
   * The bindings a value is followed through: the assignments, plus the stores into containers
   * (`d["k"] = v`, `missing.append(v)`). Kept apart so that resolving a name to what it was made
   * by (a logger, a client) never lands on a store.
   */
  private readonly valueBindingsByScope: BindingIndex = new Map();
  private readonly memo = new WeakMap<object, Taint | null>();
  private readonly visiting = new Set<object>();
  /** Synthetic container bindings read their stored values in the storing call's scope (containers.ts). */
  private readonly valueScopes = new WeakMap<BindingFact, number>();
  private readonly stringForms: RecordStringForms;
  private readonly stores = new WeakSet<BindingFact>();
  /** Where an element is staff, account or reference data rather than a patient's (non-person-contexts.ts). */
  private readonly contexts: NonPersonContexts;
  private readonly personByFields: PersonByFields;
  /** Mongoose reference fields read off a document nothing populated: ids (unpopulated-references.ts). */
  private readonly references: UnpopulatedReferences;
  private receivers?: SignalReceivers;
  private holdingTypes?: Map<string, string>;
  /** The PHI fields of each parameter type asked about (shapedParamTaint): every name's taint may ask again. */
  private readonly phiFieldsByType = new Map<string, readonly PhiField[]>();
  /** Variables passed to a function of the file that writes them into PHI fields (stored-as-phi.ts). */
  private storedArguments?: Map<BindingFact, PhiElementRef[]>;
  private callbackParamsByScope?: Map<number, { receiver: Expr; scopeId: number; element: number; init?: Expr }>;

  constructor(
    readonly facts: FileFacts,
    readonly classifier: PhiClassifier,
    readonly hooks: FlowHooks = {},
    /** The file is about the application's own accounts (account-module.ts): `user.email` is a credential. */
    accountModule = false,
    /** What the file's path says of it (module-traits.ts): about decision-support rules, on the patient's side, about stock. */
    readonly traits: ModuleTraits = {},
  ) {
    this.stringForms = new RecordStringForms(facts, classifier);
    this.personByFields = new PersonByFields(facts, classifier);
    this.references = new UnpopulatedReferences(facts, (name, scopeId, offset) => this.resolveBinding(name, scopeId, offset), hooks.referenceFieldsOf);
    this.contexts = new NonPersonContexts(facts, classifier, accountModule, traits, (name, scopeId, offset) => this.resolveBinding(name, scopeId, offset));
    const assignments = facts.bindings.filter((binding) => !isStoreName(binding.name));
    indexBindings(this.bindingsByScope, assignments);
    indexBindings(this.valueBindingsByScope, assignments);
    // `self.x = v` in a method is kept in the class's scope; `v` is read where it was written.
    for (const binding of facts.bindings) {
      if (facts.scopes[binding.scopeId]?.kind !== 'class' || !/^(self|this)\./.test(binding.name)) continue;
      const written = innermostScopeAt(facts.scopes, binding.range.start, binding.scopeId);
      if (written !== binding.scopeId) this.valueScopes.set(binding, written);
    }
    // Containers filled by calls (`missing.append(p.mrn)`) and by item or attribute assignment
    // (`d["mrn"] = p.mrn`): found with the assignments indexed, bound where the container is declared.
    const declaringScope = (name: string, scopeId: number, offset: number) => this.declaringScope(name, scopeId, offset);
    const stored = containerBindings(facts, declaringScope, isServiceName);
    for (const binding of facts.bindings) {
      if (!isStoreName(binding.name)) continue;
      const name = binding.name.slice(0, -STORE_SUFFIX.length);
      const scopeId = declaringScope(name, binding.scopeId, binding.offset) ?? binding.scopeId;
      stored.push({ binding: { ...binding, name, scopeId }, valueScopeId: binding.scopeId });
    }
    for (const { binding, valueScopeId } of stored) {
      this.valueScopes.set(binding, valueScopeId);
      this.stores.add(binding);
    }
    indexBindings(this.valueBindingsByScope, stored.map(({ binding }) => binding));
  }

  /** Whether `root` names one record where `scopeId` sees it at `offset`: a parameter or a variable assigned once, not a loop's. */
  private rootStaysValid(root: Expr, scopeId: number, offset: number): boolean {
    const name = rootName(root);
    if (!name) return false;
    if (name === 'self' || name === 'this') return true;
    const binding = this.resolveBinding(name, scopeId, offset);
    if (binding) return binding.kind !== 'iterate';
    return !!this.findParam(name, scopeId);
  }

  /** The scope whose binding (or parameter) `name` is, seen from `scopeId` at `offset`. */
  private declaringScope(name: string, scopeId: number, offset: number): number | undefined {
    const binding = this.resolveBinding(name, scopeId, offset);
    if (binding) return binding.scopeId;
    for (let current: number | undefined = scopeId; current !== undefined; current = this.facts.scopes[current]?.parentId) {
      if (this.findParamInScope(name, current)) return current;
    }
    return undefined;
  }

  /** The PHI an expression carries, or undefined when it is clean. */
  taintOf(expr: Expr, scopeId: number, depth = 0): Taint | undefined {
    const cached = this.memo.get(expr);
    if (cached !== undefined) return cached ?? undefined;
    if (depth > MAX_DEPTH || this.visiting.has(expr)) return undefined;
    this.visiting.add(expr);
    try {
      const result = this.evaluate(expr, scopeId, depth + 1);
      this.memo.set(expr, result ?? null);
      return result;
    } finally {
      this.visiting.delete(expr);
    }
  }

  private evaluate(expr: Expr, scopeId: number, depth: number): Taint | undefined {
    switch (expr.kind) {
      case 'name':
        return this.nameTaint(expr.name, expr.range, scopeId, depth);
      case 'member':
        return this.memberTaint(expr, scopeId, depth);
      case 'index': {
        if (isLastFewCharactersSlice(sourceOf(this.facts, expr.index.range))) return undefined;
        const taint = this.taintOf(expr.object, scopeId, depth);
        // `props[name]` of a value holding a record in one field: some other field, most likely.
        return taint?.holder ? undefined : taint;
      }
      case 'call':
        return this.callTaint(expr, scopeId, depth);
      case 'template':
        return union(expr.parts.map((part, i) => ('expr' in part && !this.isMaskedPrefix(part.expr, expr.parts[i + 1]) ? this.asString(this.taintOf(part.expr, scopeId, depth)) : undefined)));
      case 'binary': {
        // `phone.substring(0, 4) + '****'`: the first few characters in front of a mask.
        if (expr.operator === '+' && expr.right.kind === 'string' && this.isMaskedPrefix(expr.left, { text: expr.right.value })) return undefined;
        const [left, right] = [this.taintOf(expr.left, scopeId, depth), this.taintOf(expr.right, scopeId, depth)];
        // `"%s" % patient`, `'in ' + patient`: the record's string form.
        if (expr.operator === '%' || expr.operator === '+') return union([this.asString(left), this.asString(right)]);
        // `feeCents * cpt.units`: a number, which no code or name is (arithmetic.ts).
        if (isArithmeticOperator(expr.operator, this.facts.language)) return arithmeticResult(union([left, right]));
        return union([left, right]);
      }
      case 'object':
        // `{ resourceType: 'ActivityDefinition', ... }`, `{ resourceType: 'Schedule', ... }`: no patient's (definition-resources.ts).
        if (isNonPatientResourceLiteral(expr)) return undefined;
        return union(expr.entries.map((entry) => this.taintOf(entry.value, scopeId, depth)));
      case 'array':
        return union(expr.items.map((item) => this.taintOf(item, scopeId, depth)));
      case 'other':
        return union(expr.children.map((child) => this.taintOf(child, scopeId, depth)));
      default:
        return undefined;
    }
  }

  /**
   * The PHI an argument of a sink carries as the sink writes it. A Python sink writes a record
   * object by its string form; a JS logger or console writes an object's fields.
   */
  sinkTaint(expr: Expr, scopeId: number): Taint | undefined {
    const taint = this.taintOf(expr, scopeId);
    return this.facts.language === 'python' ? this.asString(taint) : taint;
  }

  /** A taint as the string the value turns into: a record object whose string form shows no PHI is clean. */
  private asString(taint: Taint | undefined): Taint | undefined {
    return this.writtenAsString(taint && this.hooks.stringForm ? this.hooks.stringForm(taint) : taint);
  }

  /** A taint as the string the value turns into, without the summaries' hook: a caller's argument that a callee prints by its string form. */
  writtenAsString(taint: Taint | undefined): Taint | undefined {
    if (!taint?.objectForm) return taint;
    // Any model's instance prints by its own `__str__`, which is not known: only its data counts.
    if (taint.objectForm.anyModel) return undefined;
    return this.stringForms.formOf(taint.objectForm.className) === 'no-phi' ? undefined : taint;
  }

  private nameTaint(name: string, range: Range, scopeId: number, depth: number): Taint | undefined {
    // What the variable was assigned wins over what its name suggests (`label += patient.ssn`).
    const binding = this.resolveValueBinding(name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, range.start));
    // `for key, value in d.items(): if key == 'ListId': ...`: the value under a key named as an id (tested-keys.ts).
    if (binding && this.isUnderSafeTestedKey(binding, range)) return undefined;
    if (binding) {
      // Another arm of the `if` counts where it gave a whole record (`changes = instance.__dict__`):
      // its elements alone would repeat what summaries already report inside callees.
      const bound = union([this.bindingTaint(binding, depth), ...this.otherArms(binding).map((other) => this.bindingTaint(other, depth)).filter((other) => other?.record)]);
      const withoutStaff = bound && withoutStaffElement(bound, name);
      const taint = withoutStaff && this.contexts.withoutOrganisationContacts(withoutStaff, name, binding.scopeId);
      if (bound && !taint) return undefined;
      if (taint) {
        // A variable holding a whole record is the record to take the id from (`record.id`).
        // (A dict or frame made from a record is not one: its id is still the record's.)
        const root = taint.record && taint.objectForm ? { recordRoot: { kind: 'name', name, range } as Expr } : rootOf(taint);
        return { ...withoutRoot(taint), ...root, origin: range, steps: [...taint.steps, { range: binding.range, label: `${name} (holds ${describe(taint)})` }] };
      }
      // A clean value that was fully analysed (literals, strings built from clean parts, values
      // read from non-person objects) overrides the name; an opaque one leaves the name as evidence.
      if (this.isKnownCleanBinding(binding)) return undefined;
    }
    if (!binding) {
      const element = this.callbackParamTaint(name, range, scopeId, depth);
      if (element) return element.taint;
      const formData = this.formCallbackParamTaint(name, range, scopeId);
      if (formData) return formData;
    }
    const assumed = this.hooks.paramTaint ? this.assumedParamTaint(name, range, scopeId) : undefined;
    const byName = this.nameTaintByName(name, range, scopeId, binding) ?? (binding ? this.storedArgumentTaint(binding, name, range) : this.recordDictParam(name, range, scopeId) ?? this.signalInstance(name, range, scopeId));
    // A parameter typed as holding a record is judged here, where its type is known.
    return assumed && !byName?.holder ? union([byName, assumed]) : byName;
  }

  private isUnderSafeTestedKey(binding: BindingFact, use: Range): boolean {
    const keyName = loopKeyName(this.facts, binding);
    const tested = keyName && testedKeyAround(this.facts, use.start.line, keyName);
    return !!tested && this.classifier.classify(tested).kind === 'safe';
  }

  /**
   * `if deleted: changes = instance.__dict__ else: changes = json.dumps(diff)`: the last binding of
   * each other arm of the `if` the binding sits in. Either may be what the variable holds after it
   * (nameTaint takes the arms that gave a whole record).
   */
  private otherArms(binding: BindingFact): BindingFact[] {
    const branch = binding.branch;
    if (!branch) return [];
    const byArm = new Map<number, BindingFact>();
    for (const other of this.valueBindingsByScope.get(binding.scopeId)?.get(binding.name) ?? []) {
      if (other === binding || !other.branch || other.branch.arm === branch.arm || other.offset > binding.offset) continue;
      const { start } = other.branch.statement;
      if (start.line !== branch.statement.start.line || start.character !== branch.statement.start.character) continue;
      const last = byArm.get(other.branch.arm);
      if (!last || last.offset < other.offset) byArm.set(other.branch.arm, other);
    }
    return [...byArm.values()];
  }

  private assumedParamTaint(name: string, range: Range, scopeId: number): Taint | undefined {
    const param = this.findParam(name, scopeId);
    return param ? this.hooks.paramTaint!(param, range) : undefined;
  }

  private nameTaintByName(name: string, range: Range, scopeId: number, binding: BindingFact | undefined): Taint | undefined {
    const classification = this.classifier.classify(name);
    // `form: PatientFormData`: the annotation says what a plainly named parameter holds.
    if (classification.kind === 'safe') return this.shapedParamTaint(name, range, scopeId);
    // Names are not values: a constant only names an element (`NHS_NUMBER_SYSTEM`); one named as
    // a record and loaded at run time (`PATIENTS = load_patients()`) may still hold records.
    if (isConstantName(name) && !(binding && classification.kind === 'record')) return undefined;
    // `claims = jwt.verify(token)`, `const { claims } = req`: authorization claims, not insurance claims.
    if (isClaimsWord(classification, name) && binding && isAuthorizationSource(binding.value)) return undefined;
    if (classification.kind === 'element' && this.contexts.quietsName(classification.element, name, scopeId)) return undefined;
    const param = this.findParam(name, scopeId);
    if (isClaimsWord(classification, name) && param?.typeNames.some((type) => isAuthorizationSource({ kind: 'name', name: type, range }))) return undefined;
    if (param?.typeNames.some((type) => this.classifier.isRecordType(type))) {
      const category = categoryOfType(param.typeNames, this.classifier);
      const className = param.typeNames.find((type) => /^[A-Z]/.test(type) && this.classifier.isRecordType(type));
      return recordTaint(category, { kind: 'name', name, range }, range, `${name} (${category} record)`, { className });
    }
    const holder = param && !param.destructured && this.holderOfTypes(param.typeNames, { kind: 'name', name, range });
    if (holder) return holder;
    return this.shapedParamTaint(name, range, scopeId) ?? fromClassification(classification, { kind: 'name', name, range }, undefined, name);
  }

  /** An augmented binding (`x += …`, `x.append(…)`) is known clean only when what it added to is too. */
  private isKnownCleanBinding(binding: BindingFact): boolean {
    for (let current: BindingFact | undefined = binding, i = 0; current && i < MAX_DEPTH; i++) {
      if (!this.isKnownCleanValue(current.value)) return false;
      if (current.kind !== 'augmented') return true;
      current = this.resolveValueBinding(current.name, current.scopeId, current.offset - 1, current);
    }
    return false;
  }

  private isKnownCleanValue(expr: Expr): boolean {
    // `recentForEmail = await prisma.token.count({ where: { email } })`: a query's count is a number, whatever it counted.
    if (isStoreCount(innerValue(expr))) return true;
    switch (expr.kind) {
      case 'string':
      case 'literal':
      case 'test':
      case 'template':
      case 'array':
      case 'object':
        return true;
      case 'binary':
        // `mrn = info?.internalId || info?.externalId`: a fallback is one of its sides, as opaque as they are.
        return !FALLBACK_OPERATORS.has(expr.operator) || (this.isKnownCleanValue(expr.left) && this.isKnownCleanValue(expr.right));
      case 'call':
        if (expr.callee.kind === 'name' && COUNTS_AND_TESTS.has(expr.callee.name)) return true;
        if (expr.callee.kind === 'member' && FILE_LISTING_METHODS.has(expr.callee.property)) return true;
        // `diagnostic = JSON.stringify({ slotId, worker })`: the text of a value built here is as clean as it.
        if (SERIALISING_CALLS.has(calleePath(expr.callee)?.join('.') ?? '') && expr.args.length === 1 && this.isKnownCleanValue(expr.args[0].value)) return true;
      // falls through
      case 'member': {
        // `const medicalRecordNumber = patient.id`: the record's own key, an id whatever the variable is called.
        if (expr.kind === 'member' && RECORD_KEY_FIELDS.has(expr.property)) return true;
        const root = rootName(expr);
        // `treatmentNumber = treatmentCountResult.rows[0].next_number`: read off the result of a count, a number.
        if (root && expr.kind === 'member' && tokenize(root).some((token) => COUNT_ROOT_TOKENS.has(token))) return true;
        return !!root && this.classifier.isNonPersonObjectName(root);
      }
      default:
        return false;
    }
  }

  private bindingTaint(binding: BindingFact, depth: number): Taint | undefined {
    if (this.visiting.has(binding)) return undefined;
    this.visiting.add(binding);
    try {
      let value: Expr = binding.value;
      if (binding.kind === 'destructure' && binding.property) {
        value = { kind: 'member', object: binding.value, property: binding.property, propertyRange: binding.range, range: binding.range };
      }
      let taint = this.stores.has(binding) ? this.storedTaint(binding, depth) : this.taintOf(value, this.valueScopes.get(binding) ?? binding.scopeId, depth);
      // The whole container read: what a store put under its key is there under that key only.
      if (taint && this.stores.has(binding) && binding.property !== undefined && this.hooks.storedUnder) taint = this.hooks.storedUnder(taint, binding.property);
      if (binding.kind !== 'augmented') return taint;
      const previous = this.resolveValueBinding(binding.name, binding.scopeId, binding.offset - 1, binding);
      return union([taint, previous ? this.bindingTaint(previous, depth + 1) : undefined]);
    } finally {
      this.visiting.delete(binding);
    }
  }

  /** What one store put into its container. */
  private storedTaint(store: BindingFact, depth: number): Taint | undefined {
    if (this.contexts.quietsStore(store)) return undefined;
    const taint = this.taintOf(store.value, this.valueScopes.get(store) ?? store.scopeId, depth);
    // A container filled in a loop or a callback holds many records' data: the loop variable is
    // no record to take the id from where the container is used.
    if (taint?.recordRoot && !this.rootStaysValid(taint.recordRoot, store.scopeId, store.offset)) return withoutRoot(taint);
    return taint;
  }

  /**
   * `summary.matched` after `summary.matchedClaims.push(claim)`, `req.method` after
   * `req.user = {...}`: what a key of a container holds leaves out the stores into its other keys.
   * Undefined when the container is not a variable with bindings (then the whole value counts).
   */
  private keyTaint(container: Expr, key: string, scopeId: number, depth: number): { taint: Taint | undefined } | undefined {
    if (container.kind !== 'name') return undefined;
    const offset = offsetOf(this.facts.lineStarts, this.facts.text, container.range.start);
    let current = this.resolveValueBinding(container.name, scopeId, offset);
    if (!current || !this.stores.has(current)) return undefined;
    const parts: (Taint | undefined)[] = [];
    for (let i = 0; current && i < MAX_DEPTH; i++) {
      if (!this.stores.has(current)) {
        parts.push(this.bindingTaint(current, depth + 1));
        break;
      }
      if (current.property === undefined || current.property === key) parts.push(this.storedTaint(current, depth + 1));
      current = this.resolveValueBinding(current.name, current.scopeId, current.offset - 1, current);
    }
    return { taint: union(parts) };
  }

  /**
   * `context.create_object` after `context.create_object = context.immunization_object`: what the
   * function stored under that very key of an object that holds a record (undefined when nothing
   * was stored under it: an unknown field of a record is not PHI).
   */
  private storedUnderKey(container: Expr, key: string, scopeId: number, depth: number): Taint | undefined {
    if (container.kind !== 'name') return undefined;
    let current = this.resolveValueBinding(container.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, container.range.start));
    const parts: (Taint | undefined)[] = [];
    for (let i = 0; current && this.stores.has(current) && i < MAX_DEPTH; i++) {
      if (current.property === key) parts.push(this.storedTaint(current, depth + 1));
      current = this.resolveValueBinding(current.name, current.scopeId, current.offset - 1, current);
    }
    return union(parts);
  }

  /**
   * `result.sid` after `result = { sid: mockSid(), body: reminderBody }` (in every arm of the `if`
   * that assigned it): what that key of the object literal holds, not the whole literal.
   * Undefined when a binding is not such a literal or lacks the key (then the whole value counts).
   */
  private literalKeyTaint(container: Expr, key: string, scopeId: number, depth: number): { taint: Taint | undefined } | undefined {
    if (container.kind !== 'name') return undefined;
    const binding = this.resolveValueBinding(container.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, container.range.start));
    if (!binding) return undefined;
    const parts: (Taint | undefined)[] = [];
    for (const candidate of [binding, ...this.otherArms(binding)]) {
      const value = candidate.value;
      if (candidate.kind !== 'assign' || this.stores.has(candidate) || value.kind !== 'object' || value.entries.some((entry) => entry.spread || entry.key === undefined)) return undefined;
      // A key the literal does not have may be set elsewhere (`check.conflicts`): the whole value counts.
      const entry = value.entries.find((e) => e.key === key);
      if (!entry) return undefined;
      parts.push(this.taintOf(entry.value, this.valueScopes.get(candidate) ?? candidate.scopeId, depth));
    }
    return { taint: union(parts) };
  }

  /**
   * `report.compliantStaff` after `const report = await service.getComplianceReport()`: what that
   * key of the workspace function's returned literal holds (FlowHooks.callResultKey), not the whole
   * result. Undefined when the value is not such a call's result, bound once.
   */
  private callKeyTaint(container: Expr, key: string, scopeId: number): { taint: Taint | undefined } | undefined {
    if (!this.hooks.callResultKey) return undefined;
    let value = innerValue(container);
    if (value?.kind === 'name') {
      const binding = this.resolveValueBinding(value.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, value.range.start));
      if (!binding || binding.kind !== 'assign' || this.stores.has(binding) || this.otherArms(binding).length) return undefined;
      // Assigned once: another assignment of the name may hold something else.
      if ((this.valueBindingsByScope.get(binding.scopeId)?.get(value.name) ?? []).length !== 1) return undefined;
      value = innerValue(binding.value);
      scopeId = binding.scopeId;
    }
    return value?.kind === 'call' ? this.hooks.callResultKey(value, scopeId, key) : undefined;
  }

  private memberTaint(expr: MemberExpr, scopeId: number, depth: number): Taint | undefined {
    const field = this.fieldTaint(expr, scopeId, depth);
    if (field !== undefined) return field ?? undefined;
    if (expr.object.kind === 'name' && SEARCH_TERM_FIELDS.has(expr.property)) {
      const term = this.patientSearchTerm(expr.object.name, expr, scopeId);
      if (term) return term;
    }
    if (SHAPE_MEMBERS.has(expr.property)) return undefined;
    // `res.data` of `axios.get(\`/api/encounters/${id}\`)`: the record the path names (http-record-bodies.ts).
    if (BODY_MEMBERS.has(expr.property)) {
      const body = this.fetchedRecordBody(expr.object, expr, scopeId);
      if (body) return body;
    }
    // `exc.body` of a request's validation error: the form as sent (rejected-request-input.ts).
    if (expr.property === BODY_ATTRIBUTE) {
      const input = this.rejectedRequestInput(expr.object, expr, scopeId);
      if (input) return input;
    }
    if (SERIALIZER_DATA_MEMBERS.has(expr.property) && isSerializerValue(expr.object, (name) => this.resolveBinding(name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, expr.range.start)))) {
      const serialized = this.taintOf(expr.object, scopeId, depth);
      return serialized && { ...plain(serialized), origin: expr.range };
    }
    const classification = this.classifier.classify(expr.property);
    if (classification.kind === 'safe') return undefined;
    const objectTaint = this.taintOf(expr.object, scopeId, depth);
    const objectName = lastName(expr.object);
    const label = exprLabel(expr);
    if (!objectTaint?.record && isConstantMember(expr.object, expr.property, (name) => this.classifier.isRecordType(name))) return undefined;
    if (!objectTaint && expr.object.kind === 'name' && isTableOfStrings(this.resolveBinding(expr.object.name, scopeId, Number.MAX_SAFE_INTEGER)?.value)) return undefined;
    if (!objectTaint && expr.object.kind === 'name' && /^[A-Z]/.test(expr.object.name) && this.isStringClassAttribute(expr.object.name, expr.property)) return undefined;
    if (isClaimsWord(classification, expr.property) && !objectTaint?.record && isAuthorizationSource(expr.object)) return undefined;
    if (classification.kind === 'element' && !this.isFieldOfOpaqueNonPerson(objectTaint, objectName, classification.element)) {
      const onRecord = !!objectTaint?.record || (!!objectName && this.classifier.isPersonObjectName(objectName));
      const ownRoot = objectTaint?.record || !objectTaint?.recordRoot;
      const root = ownRoot ? expr.object : objectTaint.recordRoot!;
      const rootByKey = ownRoot ? sourceOf(this.facts, expr.propertyRange) !== expr.property : !!objectTaint?.recordRootByKey;
      const fromCallerOnly = !!objectTaint && objectTaint.elements.every((element) => element.element.startsWith(SUMMARY_MARKER));
      if (this.contexts.quietsMember(classification.element, expr.object, objectName, { tainted: !!objectTaint, onRecord, fromCallerOnly }, scopeId)) return undefined;
      // `visit.prescriptions` of `Visit.findById(id).select('prescriptions')`, a schema reference nothing populated: ObjectIds.
      if (this.references.isIdOnly(expr, scopeId)) return undefined;
      switch (classification.context) {
        case 'any':
          if (!objectTaint && objectName && this.classifier.isNonPersonObjectName(objectName) && !this.isPersonReadFromRecord(expr.object, scopeId) && !this.classifier.isPersonByElement(objectName, classification.element) && !this.personByFields.isPersonHere(objectName, classification.element)) return undefined;
          // `locationForm.email`, `facilityData.phone`: a place's contact details (organisation-contacts.ts).
          if (!objectTaint && objectName && isContactElement(classification.element) && this.classifier.isPlaceValuesName(objectName)) return undefined;
          // `emailConfig.from.email`, `settings.smtp.email`: configuration, however deep.
          if (!objectTaint && isConfigName(rootName(expr.object))) return undefined;
          // `def validate(config): config.get("ssl").get("ssl_email")`: a configuration whatever the caller passes.
          if (isConfigurationObjectName(rootName(expr.object)) && fromCallerOnly) return undefined;
          break;
        case 'person':
          if (!onRecord) return undefined;
          break;
        case 'clinical':
          if (!objectTaint?.record && !(objectName && this.classifier.isClinicalObjectName(objectName))) return undefined;
          break;
        case 'account':
          if (!onRecord && !(objectName && this.classifier.isAccountObjectName(objectName))) return undefined;
          break;
      }
      return fromClassification(classification, expr, root, label, rootByKey);
    }
    // `claims.patient`, `token_claims.encounter`: a token's launch context (SMART on FHIR), the record's id.
    if (classification.kind === 'record' && objectName && tokenize(objectName).at(-1) === 'claims' && !objectTaint?.elements.some((element) => element.element !== 'claim')) return undefined;
    // `request.query_params.get("patient")`, `req.query.encounter`: a URL parameter is a string, the record's id or reference.
    if (classification.kind === 'record' && isUrlParameters(expr.object)) return undefined;
    // `appointment.patient` of `Appointment.findOne(q)` that nothing populated: the patient's ObjectId.
    if (classification.kind === 'record' && this.references.isIdOnly(expr, scopeId)) return undefined;
    // (`row.patient` of a query row may be the patient's name as text: no object form to trust.)
    if (classification.kind === 'record') return recordTaint(classification.category, expr, expr.range, `${label} (${classification.category} record)`);
    if (!objectTaint) return undefined;
    if (isJwtClaimName(expr.property) && objectTaint.elements.every((element) => element.element === 'claim')) return undefined;
    if (expr.property === '__dict__') return { ...plain(objectTaint), origin: expr.range };
    // A part of a PHI element is PHI (`patient.address.line1`); an unknown field of a record is not,
    // nor one of a value that holds a record in another field.
    if (objectTaint.record || objectTaint.holder) return this.storedUnderKey(expr.object, expr.property, scopeId, depth);
    if (namesTestVocabularyCode(expr.property) || namesPaperworkNumber(expr.property)) return undefined;
    const keyed = this.keyTaint(expr.object, expr.property, scopeId, depth) ?? this.literalKeyTaint(expr.object, expr.property, scopeId, depth) ?? this.callKeyTaint(expr.object, expr.property, scopeId);
    const partTaint = keyed ? keyed.taint : objectTaint;
    if (!partTaint) return undefined;
    const part = { ...plain(partTaint), origin: expr.range };
    if (!this.hooks.unknownField || /^\d+$/.test(expr.property)) return part;
    const marked = this.hooks.unknownField(part, expr.property);
    return marked.elements.length ? marked : undefined;
  }


  /**
   * `self.cache` / `this.lastProps`: what the class's methods assigned to the field, when they did
   * (null: assigned, and clean); undefined when the field has no assignment in the file.
   */
  private fieldTaint(expr: MemberExpr, scopeId: number, depth: number): Taint | null | undefined {
    if (expr.object.kind !== 'name' || (expr.object.name !== 'self' && expr.object.name !== 'this')) return undefined;
    const declared = this.declaredFieldHolder(expr, scopeId);
    if (declared) return declared;
    const binding = this.resolveValueBinding(`${expr.object.name}.${expr.property}`, scopeId, Number.MAX_SAFE_INTEGER);
    if (!binding) return undefined;
    const taint = this.bindingTaint(binding, depth);
    // What the field was assigned from belongs to the method that assigned it: only the field itself is repeatable here.
    const recordRoot = taint?.record && taint.objectForm ? expr : undefined;
    if (taint) return { ...withoutRoot(taint), recordRoot, origin: expr.range, steps: [...taint.steps, { range: binding.range, label: `${exprLabel(expr)} (holds ${describe(taint)})` }] };
    // A field assigned only clean values is clean; an opaque one leaves its name as evidence.
    return this.isKnownCleanBinding(binding) ? null : undefined;
  }

  /** `Systems.nhs_number` with `class Systems: nhs_number = "https://fhir.nhs.uk/Id/nhs-number"`: a class attribute holding a string names something. */
  private isStringClassAttribute(className: string, property: string): boolean {
    for (const scope of this.facts.scopes) {
      if (scope.kind !== 'class' || scope.name !== className) continue;
      const byName = this.bindingsByScope.get(scope.id);
      const bindings = [...(byName?.get(property) ?? []), ...(byName?.get(`this.${property}`) ?? [])];
      if (bindings.length > 0 && bindings.every((binding) => binding.value.kind === 'string')) return true;
    }
    return false;
  }

  /**
   * `const client = appointment.client`: a word that names both a person and a thing (`client`)
   * read as a property of another record is the person (a therapy practice's client), not an API client.
   */
  private isPersonReadFromRecord(object: Expr, scopeId: number): boolean {
    if (object.kind !== 'name' || !this.classifier.isPersonObjectName(object.name)) return false;
    const binding = this.resolveBinding(object.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, object.range.start));
    return binding?.value.kind === 'member' && binding.value.property === object.name;
  }

  private callTaint(call: CallExpr, scopeId: number, depth: number): Taint | undefined {
    // A masking or hashing function's result is safe whatever its summary says it returns
    // (`this.maskEmail(to)` returns what it built from the address it was given).
    if (this.namesSanitizer(call.callee)) return undefined;
    const taint = this.hooks.callResult
      ? this.hooks.callResult(call, scopeId, () => this.builtinCallTaint(call, scopeId, depth), (expr) => this.taintOf(expr, scopeId, depth))
      : this.builtinCallTaint(call, scopeId, depth);
    // `getSenderFaxNumber(fax)`: the contact details of whoever the function is named for, an organisation's or a sender's.
    if (taint && !taint.record && taint.elements.every((element) => isContactElement(element.element)) && this.namesOrganisationContact(call.callee)) return undefined;
    return taint;
  }

  /** `getSenderFaxNumber`, `getFacilityPhone` (organisation-contacts.ts). */
  private namesOrganisationContact(callee: Expr): boolean {
    const name = callee.kind === 'name' ? callee.name : callee.kind === 'member' ? callee.property : undefined;
    return !!name && namesOrganisationContact(name, (words) => {
      const classification = this.classifier.classify(words);
      return classification.kind === 'element' ? classification.element : undefined;
    });
  }

  /**
   * `iface.address` where `iface` comes from `os.networkInterfaces()` (in a summary, an unresolved call's
   * result): a non-person object's field, read as a field of that call's result (judged in the caller)
   * rather than as this function's own PHI, just as with no taint at all it would not be PHI.
   */
  private isFieldOfOpaqueNonPerson(objectTaint: Taint | undefined, objectName: string | undefined, element: string): boolean {
    if (!objectTaint || objectTaint.record || !objectName || !objectTaint.elements.length) return false;
    if (!objectTaint.elements.every((entry) => entry.element.startsWith(`${SUMMARY_MARKER}c:`))) return false;
    return this.classifier.isNonPersonObjectName(objectName) && !this.classifier.isPersonObjectName(objectName) && !this.classifier.isPersonByElement(objectName, element);
  }

  /** `${phone.substring(0, 4)}****`: the first few characters of a value, then a mask (names-not-values.ts). */
  private isMaskedPrefix(expr: Expr, next: TemplatePart | undefined): boolean {
    return isMaskedPrefix(expr, next && 'text' in next ? next.text : undefined, (arg) => sourceOf(this.facts, arg.range));
  }

  /** `maskEmail(...)`, `redactor.apply(...)`: the function, or an object it belongs to, is named for masking. */
  private namesSanitizer(callee: Expr): boolean {
    const name = callee.kind === 'name' ? callee.name : callee.kind === 'member' ? callee.property : undefined;
    if (!name) return false;
    if (this.classifier.isSanitizer(name)) return true;
    const path = calleePath(callee);
    return path !== undefined && path.slice(0, -1).some((segment) => this.classifier.isSanitizer(segment));
  }

  /**
   * What an inline callback (`(row) => row.id`, `(row) => { return {...}; }`) returns; undefined
   * when the callback is not written in place (a function passed by name), returns nothing the flow
   * can see, or returns a clean value read off its parameter that is not an id, count or flag.
   */
  private callbackResultTaint(call: CallExpr, scopeId: number, depth: number): { taint: Taint | undefined } | undefined {
    const callback = call.args[0];
    if (!callback || callback.name || callback.spread || callback.value.kind !== 'literal') return undefined;
    const scope = functionWithin(this.facts, scopeId, callback.range);
    if (!scope) return undefined;
    const results = scope.expressionBody ? [scope.expressionBody] : (this.facts.returns ?? []).filter((returned) => returned.scopeId === scope.id).flatMap((returned) => (returned.value ? [returned.value] : []));
    if (!results.length) return undefined;
    const init = this.callbackParams().get(scope.id)?.init;
    const taint = union([...results.map((result) => this.taintOf(result, scope.id, depth)), init && this.taintOf(init, scopeId, depth)]);
    // What the callback read its record from is not in scope where the result is used: no id to take from it.
    if (taint) return { taint: { ...taint, recordRoot: undefined } };
    // The flow follows what the callback reads off its element (bound to the receiver's), so a clean
    // result counts when it reads only members (`row.id`, `{ channel: r.channel, status: r.status }`),
    // constants and the accumulator; a call it makes may hide what it returns.
    return results.every((result) => this.isSafeProjection(result, 0, scope.id)) ? { taint: undefined } : undefined;
  }

  /**
   * The parameters of inline callbacks of `map`, `flatMap` and `reduce` by the callback's scope:
   * the element is one of the receiver's, the accumulator starts as `reduce`'s initial value.
   */
  private callbackParams(): Map<number, { receiver: Expr; scopeId: number; element: number; init?: Expr }> {
    if (this.callbackParamsByScope) return this.callbackParamsByScope;
    const found = new Map<number, { receiver: Expr; scopeId: number; element: number; init?: Expr }>();
    for (const { call, scopeId } of this.facts.calls) {
      if (call.callee.kind !== 'member' || !ELEMENT_CALLBACK_METHODS.has(call.callee.property)) continue;
      const callback = call.args[0];
      if (!callback || callback.name || callback.spread || callback.value.kind !== 'literal') continue;
      const scope = functionWithin(this.facts, scopeId, callback.range);
      if (!scope) continue;
      const reduces = call.callee.property === 'reduce';
      found.set(scope.id, { receiver: call.callee.object, scopeId, element: reduces ? 1 : 0, ...(reduces && call.args[1] && !call.args[1].name ? { init: call.args[1].value } : {}) });
    }
    this.callbackParamsByScope = found;
    return found;
  }

  /** `rows.map((row) => ...)`: `row` holds what an element of `rows` holds; `reduce`'s accumulator, its initial value. */
  private callbackParamTaint(name: string, range: Range, scopeId: number, depth: number): { taint: Taint | undefined } | undefined {
    let owner: number | undefined = scopeId;
    while (owner !== undefined && !this.findParamInScope(name, owner)) owner = this.facts.scopes[owner]?.parentId;
    const callback = owner === undefined ? undefined : this.callbackParams().get(owner);
    if (owner === undefined || !callback) return undefined;
    const params = this.facts.scopes[owner].params;
    const index = params.findIndex((param) => param.name === name);
    if (params[index]?.destructured) return undefined;
    // Only records are bound: an element of a list that holds loose PHI values (or nothing known)
    // is judged by its name and fields as before, as what it holds cannot be told apart by field.
    if (index === callback.element) {
      const receiver = this.taintOf(callback.receiver, callback.scopeId, depth);
      return receiver?.record ? { taint: { ...receiver, origin: range, steps: [...receiver.steps, { range, label: `${name} (an element of it)` }] } } : undefined;
    }
    const init = index === 0 && callback.element === 1 && callback.init ? this.taintOf(callback.init, callback.scopeId, depth) : undefined;
    return init ? { taint: init } : undefined;
  }

  /** `<ClinicalNoteForm onUpdate={(data) => ...} />`: `data` is the form's record (form-callbacks.ts). */
  private formCallbackParamTaint(name: string, range: Range, scopeId: number): Taint | undefined {
    let owner: number | undefined = scopeId;
    while (owner !== undefined && !this.findParamInScope(name, owner)) owner = this.facts.scopes[owner]?.parentId;
    const scope = owner === undefined ? undefined : this.facts.scopes[owner];
    const param = scope?.params[0];
    if (!scope || param?.name !== name || param.destructured) return undefined;
    const category = formDataCategory(scope, (words) => this.recordCategoryOf(words));
    return category ? recordTaint(category, { kind: 'name', name, range }, range, `${name} (what the ${scope.jsxAttribute!.element} form hands over, ${category} record)`) : undefined;
  }

  /**
   * A name of an inline callback whose every value the flow follows: its parameters as bound, and
   * variables assigned only such names, safe projections or calls of workspace functions (whose
   * summaries say what they return). An unknown call may return what it is given, unseen.
   */
  private isFollowedName(name: string, callbackScope: number, depth: number): boolean {
    const bindings = this.valueBindingsByScope.get(callbackScope)?.get(name) ?? [];
    if (!bindings.length) return !!this.findParamInScope(name, callbackScope);
    return bindings.every((binding) => {
      const value = binding.value;
      if (value.kind === 'call') return !!this.hooks.followsCall?.(value, callbackScope);
      if (value.kind === 'name' && value.name === name) return false;
      return this.isSafeProjection(value, depth + 1, callbackScope);
    });
  }

  /** Whether a value reads only members the catalogue does not name as PHI (ids, statuses, unknown fields) and constants. */
  private isSafeProjection(expr: Expr, depth: number, callbackScope?: number): boolean {
    if (depth > 6) return false;
    switch (expr.kind) {
      case 'name':
        // The accumulator or a variable of the callback, which the flow followed (and found clean).
        return callbackScope !== undefined && !!this.callbackParams().get(callbackScope) && this.isFollowedName(expr.name, callbackScope, depth);
      case 'member': {
        // A field the catalogue does not name, read off an element (`r.channel`), is not PHI; one it
        // names is, unless read off the bound element, whose record the flow judged it on.
        const kind = this.classifier.classify(expr.property).kind;
        if (kind === 'safe' || kind === 'unknown') return true;
        const root = rootName(expr);
        const callback = callbackScope === undefined ? undefined : this.callbackParams().get(callbackScope);
        const params = callbackScope === undefined ? [] : this.facts.scopes[callbackScope].params;
        return !!callback && !!root && params[callback.element]?.name === root && !!this.taintOf(callback.receiver, callback.scopeId)?.record;
      }
      case 'literal':
      case 'test':
      case 'string':
        return true;
      case 'object':
        return expr.entries.every((entry) => !entry.spread && this.isSafeProjection(entry.value, depth + 1, callbackScope));
      case 'array':
        return expr.items.every((item) => this.isSafeProjection(item, depth + 1, callbackScope));
      case 'template':
        return expr.parts.every((part) => 'text' in part || this.isSafeProjection(part.expr, depth + 1, callbackScope));
      case 'binary':
        return this.isSafeProjection(expr.left, depth + 1, callbackScope) && this.isSafeProjection(expr.right, depth + 1, callbackScope);
      case 'other':
        return expr.children.every((child) => this.isSafeProjection(child, depth + 1, callbackScope));
      default:
        return false;
    }
  }

  private builtinCallTaint(call: CallExpr, scopeId: number, depth: number): Taint | undefined {
    const callee = call.callee;
    const name = callee.kind === 'name' ? callee.name : callee.kind === 'member' ? callee.property : undefined;
    // (A function named for masking never gets here: `callTaint` answers first.)
    if (!name) return undefined;
    const path = calleePath(callee);
    if (OPAQUE_FUNCTIONS.has(name)) return undefined;
    if (isLastFewCharactersCall(call, (expr) => sourceOf(this.facts, expr.range)) || isMaskingReplace(call, (expr) => sourceOf(this.facts, expr.range))) return undefined;
    const argsTaint = () => union(call.args.map((arg) => this.taintOf(arg.value, scopeId, depth)));
    // `PatientSerializer(patient)`: the serializer's data is the record's (read through `.data`).
    const serializes = serializerRecordName(name);
    if (serializes !== undefined) {
      const category = serializes ? this.recordCategoryOf(serializes) : undefined;
      return plain(union([argsTaint(), category ? recordTaint(category, call, call.range, `${exprLabel(call)} (${category} record)`) : undefined]));
    }
    const keyArgument = call.args.find((arg) => !arg.name && arg.value.kind === 'string');
    if (callee.kind === 'member') {
      // `await response.json()` of `fetch(\`${base}/Patient/${id}\`)`: the record the path names (http-record-bodies.ts).
      if (BODY_READING_METHODS.has(name) && !call.args.length) {
        const body = this.fetchedRecordBody(callee.object, call, scopeId);
        if (body) return body;
      }
      // `exc.errors()` of a request's validation error: each error holds the rejected input (rejected-request-input.ts).
      if (name === ERRORS_METHOD && !call.args.length) {
        const input = this.rejectedRequestInput(callee.object, call, scopeId);
        if (input) return input;
      }
      const receiverTaint = this.taintOf(callee.object, scopeId, depth);
      // `d.get("ssn")`, `getattr(p, "ssn")`: a read of that key.
      if ((name === 'get' || name === 'pop' || name === 'getattr') && keyArgument?.value.kind === 'string') {
        const member: MemberExpr = { kind: 'member', object: callee.object, property: keyArgument.value.value, propertyRange: keyArgument.range, range: call.range };
        return this.taintOf(member, scopeId, depth);
      }
      if (receiverTaint?.record && QUERY_METHODS.has(name)) return { ...receiverTaint, origin: call.range };
      // `"{}".format(patient)` is the record's string form; `patient.model_dump()` is its data.
      // `patient.toString()` is its string form too.
      if (name === 'toString' && !call.args.length) return this.asString(receiverTaint);
      // `rows.map((row) => row.id)`: what the callback returns for each element, not the elements.
      if (MAPPING_METHODS.has(name) || name === 'reduce') {
        const mapped = this.callbackResultTaint(call, scopeId, depth);
        if (mapped) return mapped.taint;
      }
      if (PASS_THROUGH_METHODS.has(name)) return union([receiverTaint && { ...plain(receiverTaint), origin: call.range }, STRING_FORM_METHODS.has(name) ? argsTaint() : plain(argsTaint())]);
    } else {
      if (name === 'getattr' && call.args[1]?.value.kind === 'string') {
        const member: MemberExpr = { kind: 'member', object: call.args[0].value, property: call.args[1].value.value, propertyRange: call.args[1].range, range: call.range };
        return this.taintOf(member, scopeId, depth);
      }
      // `str(patient)` is the record's string form; `vars(patient)`, `asdict(patient)` its data.
      if (PASS_THROUGH_FUNCTIONS.has(name)) return STRING_FORM_FUNCTIONS.has(name) ? this.asString(argsTaint()) : plain(argsTaint());
    }
    if (path && PASS_THROUGH_FUNCTIONS.has(name) && path.length === 2 && PASS_THROUGH_MODULES.has(path[0])) {
      return plain(argsTaint());
    }
    return this.fetchedRecord(call, name, path, scopeId, depth) ?? this.getterElement(call, name, scopeId, depth);
  }

  /** The body of a response to a request whose path names a record (`/Patient/${id}`): that record. */
  private fetchedRecordBody(response: Expr, read: Expr, scopeId: number): Taint | undefined {
    const resolve = (expr: Expr): Expr | undefined => {
      if (expr.kind !== 'name') return undefined;
      const binding = this.resolveValueBinding(expr.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, expr.range.start));
      return binding?.kind === 'assign' && !this.stores.has(binding) ? binding.value : undefined;
    };
    const word = requestedRecordWord(response, resolve, (candidate) => this.recordCategoryOf(candidate) !== undefined);
    const category = word && this.recordCategoryOf(word);
    if (!category) return undefined;
    // `if (!response.ok) { const error = await response.json(); ... }`: the server's error, not the record.
    const named = innerValue(response);
    if (named?.kind === 'name' && readOnFailedResponse(this.facts.text, offsetOf(this.facts.lineStarts, this.facts.text, read.range.start), named.name)) return undefined;
    const taint = recordTaint(category, read, read.range, `${exprLabel(read)} (${category} record fetched from its path /${word})`);
    // Only a parsed object (`res.data`) has an id to log instead; a body read as text has none.
    return read.kind === 'member' && read.property === 'data' ? taint : withoutRoot(taint);
  }

  /** `exc.errors()` / `exc.body` where `exc` is a request's validation error: the input the request sent. */
  private rejectedRequestInput(receiver: Expr, read: Expr, scopeId: number): Taint | undefined {
    const name = receiverName(receiver);
    if (!name || this.resolveBinding(name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, receiver.range.start))) return undefined;
    let owner: number | undefined = scopeId;
    while (owner !== undefined && !this.findParamInScope(name, owner)) owner = this.facts.scopes[owner]?.parentId;
    const scope = owner === undefined ? undefined : this.facts.scopes[owner];
    const param = scope && this.findParamInScope(name, scope.id);
    if (!scope || !param || !holdsRequestValidationError(param, scope.params, scope.decorators)) return undefined;
    return { ...withoutRoot(recordTaint('demographics', read, read.range, `${exprLabel(read)} (the input the request sent, a patient's form included)`)), echoesRequest: true };
  }

  /** `loadPatient(id)`, `Patient.objects.get(...)`, `db.get(Patient, id)`, `prisma.patient.findUnique(...)`. */
  private fetchedRecord(call: CallExpr, name: string, path: string[] | undefined, scopeId: number, depth: number): Taint | undefined {
    const tokens = tokenize(name);
    if (tokens.length > 1 && FETCH_VERBS.has(tokens[0])) {
      const rest = name.replace(/^[a-z]+_?/, '');
      // `get_immunization_by_id`, `findPatientByMrn`: what follows `by` is the lookup key, not what is returned.
      const restTokens = tokenize(rest);
      const by = restTokens.indexOf('by');
      const category = this.recordCategoryOf(rest) ?? (by > 0 ? this.recordCategoryOf(restTokens.slice(0, by).join('_')) : undefined);
      if (category) return recordTaint(category, call, call.range, `${exprLabel(call)} (${category} record)`, {});
    }
    if (QUERY_METHODS.has(name) || FETCH_VERBS.has(tokens[0] ?? '')) {
      for (const segment of path?.slice(0, -1) ?? []) {
        const category = this.recordCategoryOf(segment) ?? this.recordAccessCategory(segment);
        if (category) return recordTaint(category, call, call.range, `${exprLabel(call)} (${category} record)`, { className: /^[A-Z]/.test(segment) ? segment : undefined });
      }
      if (call.callee.kind === 'member' && call.callee.object.kind === 'call') {
        const inner = this.taintOf(call.callee.object, scopeId, depth);
        if (inner?.record) return { ...inner, origin: call.range };
      }
    }
    for (const arg of call.args) {
      if (arg.value.kind === 'name' && /^[A-Z]/.test(arg.value.name) && this.classifier.isRecordType(arg.value.name)) {
        const category = this.recordCategoryOf(arg.value.name) ?? 'demographics';
        return recordTaint(category, call, call.range, `${exprLabel(call)} (${category} record)`, { className: arg.value.name });
      }
    }
    return undefined;
  }

  /** `patient.get_full_name()`, `getDiagnosis(p)`: a getter named after an element. */
  private getterElement(call: CallExpr, name: string, scopeId: number, depth: number): Taint | undefined {
    const stripped = name.replace(/^(get|fetch|load|compute|calc|format|read)_?/i, '');
    if (!stripped) return undefined;
    // Names are not values: `ensureEncounterCanReceiveDiagnosis(...)` returns a status, not a diagnosis.
    if (stripped === name && isActionName(name)) return undefined;
    const classification = this.classifier.classify(stripped);
    if (classification.kind !== 'element') return undefined;
    const member: MemberExpr = {
      kind: 'member',
      object: call.callee.kind === 'member' ? call.callee.object : (call.args[0]?.value ?? { kind: 'literal', range: call.range }),
      property: stripped,
      propertyRange: call.range,
      range: call.range,
    };
    if (call.callee.kind !== 'member' && !call.args.length) return undefined;
    const taint = this.memberTaint(member, scopeId, depth);
    if (!taint || call.callee.kind === 'member') return taint;
    // A plain function's result is named as the call it is (`full_name(…)`), not as an attribute
    // of its argument that the code never reads.
    const [first, ...rest] = taint.steps;
    return { ...taint, steps: [{ range: call.range, label: first.label.replace(/^[^(]*/, `${exprLabel(call)} `) }, ...rest] };
  }

  /**
   * `searchPatients(query)` reading `query.q` (or `query.term`, `query.search`): the text typed to
   * find a patient, a name, phone or birth date. Only a parameter of a function named for
   * searching patient records (`search_patients`, `findPatients`); a search of anything else is not.
   */
  private patientSearchTerm(param: string, expr: MemberExpr, scopeId: number): Taint | undefined {
    for (let current: number | undefined = scopeId; current !== undefined; current = this.facts.scopes[current]?.parentId) {
      const scope = this.facts.scopes[current];
      if (!scope?.params.some((p) => p.name === param)) continue;
      const tokens = tokenize(scope.name ?? '');
      if (tokens.length < 2 || !SEARCH_VERBS.has(tokens[0])) return undefined;
      const category = this.recordCategoryOf(tokens.slice(1).join('_'));
      if (category !== 'demographics') return undefined;
      return { elements: [{ element: 'name', category }], record: false, origin: expr.range, steps: [{ range: expr.range, label: `${exprLabel(expr)} (patient search term)` }] };
    }
    return undefined;
  }

  /**
   * `class InpatientAdmission(PatientSubrecord): def update_from_dict(self, data)`: the dict a
   * patient record is set from holds that record's fields. Only the first parameter of a method
   * so named, in a class whose name or a base class's names a patient record (`PatientSubrecord`).
   */
  private recordDictParam(name: string, range: Range, scopeId: number): Taint | undefined {
    for (let current: number | undefined = scopeId; current !== undefined; current = this.facts.scopes[current]?.parentId) {
      const scope = this.facts.scopes[current];
      if (!scope?.params.some((p) => p.name === name)) continue;
      const data = scope.params.find((p) => p.name !== 'self' && p.name !== 'cls');
      if (data?.name !== name || !FROM_DICT_METHOD.test(scope.name ?? '')) return undefined;
      const owner = scope.parentId === undefined ? undefined : this.facts.scopes[scope.parentId];
      if (owner?.kind !== 'class' || !owner.name) return undefined;
      // A mixin's method runs for every class of the file built on it (`class Subrecord(UpdatesFromDictMixin)`,
      // `class PatientSubrecord(Subrecord)`): one of them that is a patient record is enough.
      const typeCategory = (type: string) => this.recordCategoryOf(type) ?? tokenize(type).map((token) => this.recordCategoryOf(token)).find(Boolean);
      const record = [owner, ...this.subclassesInFile(owner.name)].find((c) => [c.name!, ...(c.bases ?? []).map((base) => base.split('.').pop()!)].some(typeCategory));
      const category = record && [record.name!, ...(record.bases ?? []).map((base) => base.split('.').pop()!)].map(typeCategory).find(Boolean);
      if (!record || !category) return undefined;
      // A dict, not the record object: no `data.id` to log instead.
      return { elements: [{ element: 'record', category }], record: true, origin: range, steps: [{ range, label: `${name} (fields of a ${record.name} ${category} record)` }] };
    }
    return undefined;
  }

  /** `props: SingleSpaProps` where that type holds a record in a field (record-types.ts). */
  private holderOfTypes(typeNames: readonly string[], expr: Expr): Taint | undefined {
    if (!typeNames.length || (!this.facts.typeShapes?.length && !this.hooks.typeHoldsRecord)) return undefined;
    this.holdingTypes ??= recordHoldingTypes(this.facts, this.classifier, this.hooks.typeHoldsRecord);
    for (const type of typeNames) {
      const field = this.holdingTypes.get(type) ?? (this.facts.typeShapes?.some((shape) => shape.name === type) ? undefined : this.hooks.typeHoldsRecord?.(type));
      if (!field) continue;
      const category = this.recordCategoryOf(field) ?? 'demographics';
      const label = `${exprLabel(expr)} (a ${type}, which holds a ${category} record in its \`${field}\` field)`;
      // Its string form in a template literal is `[object Object]`: the class lookup finds no class of that name.
      return { elements: [{ element: 'record', category }], record: false, origin: expr.range, steps: [{ range: expr.range, label }], objectForm: { className: type }, holder: field };
    }
    return undefined;
  }

  /** `data: VitalsFormData`, a parameter of a type of this file whose own fields are PHI (record-types.ts). */
  private shapedParamTaint(name: string, range: Range, scopeId: number): Taint | undefined {
    const param = this.findParam(name, scopeId);
    if (!param?.typeNames.length || param.destructured) return undefined;
    for (const type of param.typeNames) {
      const fields = this.phiFieldsOf(type);
      if (!fields.length) continue;
      const elements = [...new Map(fields.map((field) => [field.element, { element: field.element, category: field.category }])).values()];
      const label = `${name} (a ${type}, whose fields ${fields.map((field) => `\`${field.field}\``).join(', ')} are PHI)`;
      // Whole, it writes those fields; another member (`entry.category`) is judged by its own name.
      return { elements, record: false, origin: range, steps: [{ range, label }], objectForm: { className: type }, holder: fields[0].field };
    }
    return undefined;
  }

  private phiFieldsOf(type: string): readonly PhiField[] {
    let fields = this.phiFieldsByType.get(type);
    if (!fields) {
      const local = this.facts.typeShapes?.some((shape) => shape.name === type);
      fields = local ? phiFieldsOfType(this.facts, this.classifier, type) : this.hooks.typePhiFields?.(type) ?? [];
      this.phiFieldsByType.set(type, fields);
    }
    return fields;
  }

  /** `this.lastProps` declared `lastProps?: SingleSpaProps` in the class. */
  private declaredFieldHolder(expr: MemberExpr, scopeId: number): Taint | undefined {
    if (!this.facts.fieldTypes?.length) return undefined;
    let scope: ScopeFact | undefined = this.facts.scopes[scopeId];
    while (scope && scope.kind !== 'class') scope = scope.parentId === undefined ? undefined : this.facts.scopes[scope.parentId];
    if (!scope) return undefined;
    const name = `this.${expr.property}`;
    const declared = this.facts.fieldTypes.find((field) => field.scopeId === scope!.id && field.name === name);
    return declared && this.holderOfTypes(declared.typeNames, expr);
  }

  /**
   * `for line in rows: print(line); add_patient(line)` where `add_patient` writes `line[1]` into
   * `party.lastname`: the variable holds what it is written as (stored-as-phi.ts). Only a call of
   * a module-level function of the file, given the same binding of the variable.
   */
  private storedArgumentTaint(binding: BindingFact, name: string, range: Range): Taint | undefined {
    if (this.facts.language !== 'python') return undefined;
    this.storedArguments ??= storedArguments(this.facts, this.classifier, (name, scopeId, offset) => this.resolveValueBinding(name, scopeId, offset));
    const elements = this.storedArguments.get(binding);
    if (!elements) return undefined;
    const what = elements.map((element) => element.element).join(', ');
    return { elements, record: false, origin: range, steps: [{ range, label: `${name} (written into ${what} fields by a function of this file)` }] };
  }

  /** The classes of the file that inherit from `className`, directly or through others. */
  private subclassesInFile(className: string): ScopeFact[] {
    const found: ScopeFact[] = [];
    const names = [className];
    for (let i = 0; i < names.length && i < 50; i++) {
      for (const scope of this.facts.scopes) {
        if (scope.kind !== 'class' || !scope.name || names.includes(scope.name)) continue;
        if (!(scope.bases ?? []).some((base) => base.split('.').pop() === names[i])) continue;
        found.push(scope);
        names.push(scope.name);
      }
    }
    return found;
  }

  /**
   * The `instance` a Django model-signal receiver is given (signal-receivers.ts): a `sender=`
   * record model's instance, or, in a module with a receiver for every sender, any model's.
   */
  private signalInstance(name: string, range: Range, scopeId: number): Taint | undefined {
    if (name !== SIGNAL_INSTANCE_PARAM || this.facts.language !== 'python') return undefined;
    let scope: ScopeFact | undefined = this.facts.scopes[scopeId];
    while (scope && !scope.params.some((p) => p.name === name)) scope = scope.parentId === undefined ? undefined : this.facts.scopes[scope.parentId];
    // An annotated parameter is what its annotation says.
    if (!scope || scope.params.find((p) => p.name === name)!.typeNames.length) return undefined;
    const receivers = (this.receivers ??= signalReceivers(this.facts));
    const expr: Expr = { kind: 'name', name, range };
    const sender = receivers.senders.get(scope.id);
    if (sender !== undefined) {
      if (!sender || !this.classifier.isRecordType(sender)) return undefined;
      const category = this.recordCategoryOf(sender) ?? 'demographics';
      return recordTaint(category, expr, range, `${name} (the ${sender} the signal is sent for, ${category} record)`, { className: sender });
    }
    if (!receivers.everyModel) return undefined;
    return recordTaint('demographics', expr, range, `${name} (any model's instance: a signal receiver for every model, patient records included)`, { anyModel: true });
  }

  private recordCategoryOf(identifier: string): PhiCategory | undefined {
    const classification = this.classifier.classify(identifier);
    return classification.kind === 'record' ? classification.category : undefined;
  }

  private recordAccessCategory(identifier: string): PhiCategory | undefined {
    const tokens = tokenize(identifier);
    if (tokens.length < 2 || !RECORD_ACCESS_WORDS.has(tokens[tokens.length - 1])) return undefined;
    return this.recordCategoryOf(tokens.slice(0, -1).join('_'));
  }

  /** The last binding of `name` visible at `offset` in `scopeId` or an enclosing scope. */
  resolveBinding(name: string, scopeId: number, offset: number, exclude?: BindingFact): BindingFact | undefined {
    return this.resolveIn(this.bindingsByScope, name, scopeId, offset, exclude);
  }

  /** Like resolveBinding, stores into containers included: what the value held at `offset`. */
  private resolveValueBinding(name: string, scopeId: number, offset: number, exclude?: BindingFact): BindingFact | undefined {
    return this.resolveIn(this.valueBindingsByScope, name, scopeId, offset, exclude);
  }

  private resolveIn(index: BindingIndex, name: string, scopeId: number, offset: number, exclude?: BindingFact): BindingFact | undefined {
    let current: number | undefined = scopeId;
    let first = true;
    while (current !== undefined) {
      const list = index.get(current)?.get(name);
      if (list) {
        // In the use's own scope only earlier bindings count; enclosing scopes may bind later (closures).
        const visible = list.filter((binding) => binding !== exclude && (!first || binding.offset <= offset));
        if (visible.length) return visible[visible.length - 1];
      }
      if (this.findParamInScope(name, current)) return undefined;
      current = this.facts.scopes[current]?.parentId;
      first = false;
    }
    return undefined;
  }

  private findParamInScope(name: string, scopeId: number): ParamFact | undefined {
    return this.facts.scopes[scopeId]?.params.find((param) => param.name === name);
  }

  findParam(name: string, scopeId: number): ParamFact | undefined {
    let current: number | undefined = scopeId;
    while (current !== undefined) {
      const param = this.findParamInScope(name, current);
      if (param) return param;
      current = this.facts.scopes[current]?.parentId;
    }
    return undefined;
  }
}
