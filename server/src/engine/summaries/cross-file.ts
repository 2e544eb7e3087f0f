// Pass 3 of flows across functions: analysing one file with the workspace index. A call to a
// workspace function returns what the callee's summary says (by value: an id stays an id), and a
// call passing PHI to a parameter that reaches a sink inside the callee is reported at the call,
// with the sink's rule, a message naming the callee and the sink, and the sink as the last step
// of the flow (in its own file).

import { strippedConsoleSink } from '../analysis/sinks/stripped-console';
import type { Argument, CallExpr, CallFact, Expr, FileFacts } from '../model/facts';
import { calleePath } from '../model/expressions';
import { offsetOf } from '../model/text';
import type { Fix, FlowStep, RuleId } from '../model/types';
import type { FlowHooks } from '../analysis/flow/flow-hooks';
import { lastName, union, type Taint } from '../analysis/flow/taint';
import { exprLabel } from '../analysis/flow/expr-label';
import { withSuppressFix } from '../fixes/suppress';
import { recordIdText } from '../fixes/patient-id';
import { onlyCodesForCodeParameter } from '../analysis/sinks/reference-codes';
import { isMessagingSink, namesSecurityMessage, onlyAddressElements } from '../analysis/sinks/security-code-messages';
import { redactingLoggerFor, redactsWhole } from '../analysis/sinks/redacting-loggers';
import type { RawFinding, RuleContext } from '../rules/rule';
import { FIELD_PATH_SEPARATOR } from './extract';
import { tokenize } from '../analysis/phi/identifiers';
import { RECORD_WORDS } from '../catalogues/phi-elements';
import type { FileSummary, SinkEffect } from './types';
import { argumentFor, type CallTarget, type WorkspaceIndex } from './workspace-index';

const WHAT_THE_SINK_DOES: Record<SinkEffect['ruleId'], string> = {
  'phi-in-log': 'logs it',
  'phi-in-error': 'puts it in an error',
  'phi-to-third-party': 'sends it to a third party',
  'phi-to-ai': 'sends it to an AI service',
};

const SINK_KIND: Record<SinkEffect['ruleId'], string> = {
  'phi-in-log': 'log sink',
  'phi-in-error': 'error',
  'phi-to-third-party': 'third-party sink',
  'phi-to-ai': 'AI sink',
};

/** Each call's target, with what it was resolved from (CrossFileFlows.targetOf): for this analysis and the next. */
const targetsBefore = new WeakMap<CallExpr, { file: FileSummary; className: string | undefined; answersKey: string; target: CallTarget | undefined }>();

export class CrossFileFlows {
  /** The index's state: it does not change during one analysis. */
  private readonly answersKey: string;

  constructor(
    private readonly index: WorkspaceIndex,
    private readonly facts: FileFacts,
    /** This file's summary as it is now (the index may hold an older one while the file is edited). */
    private readonly file: FileSummary,
  ) {
    this.answersKey = index.answersKey;
  }

  /** The flow hooks: a call to a workspace function returns what its summary says. */
  hooks(): FlowHooks {
    return {
      // This file's summary is the index's own (else one made for this analysis): the index says when answers change.
      ...(this.index.file(this.file.path) === this.file ? { answersKey: this.index.answersKey } : {}),
      callResult: (call, scopeId, builtin, argTaint) => {
        const target = this.targetOf(call, scopeId);
        if (!target) return builtin();
        const { summary } = target;
        const label = `${exprLabel(call.callee)}()`;
        const parts: (Taint | undefined)[] = [];
        if (summary.returnsOwn) {
          const what = summary.returnsOwn.elements.map((e) => (e.element === 'record' ? `${e.category} record` : e.element)).join(', ');
          parts.push({
            elements: summary.returnsOwn.elements,
            record: summary.returnsOwn.record,
            ...(summary.returnsOwn.record ? { recordRoot: call } : {}),
            origin: call.range,
            steps: [{ range: call.range, label: `${label} (returns ${what})` }],
          });
        }
        for (const param of summary.returnsParams) {
          const arg = argumentFor(positioned(call.args), target, param);
          const taint = arg && argTaint(arg.value);
          if (taint) parts.push({ ...taint, origin: call.range, steps: [...taint.steps, { range: call.range, label: `${label} (returns it)` }] });
        }
        // A field the catalogue does not name, read off a whole record, is not PHI; off a PHI value it is a part of it.
        for (const param of summary.returnsParamFields) {
          const arg = argumentFor(positioned(call.args), target, param);
          const taint = arg && argTaint(arg.value);
          if (taint && !taint.record) parts.push({ ...taint, origin: call.range, steps: [...taint.steps, { range: call.range, label: `${label} (returns a part of it)` }] });
        }
        return union(parts);
      },
      callResultKey: (call, scopeId, key) => {
        const byKey = this.targetOf(call, scopeId)?.summary.returnsOwnByKey;
        if (!byKey) return undefined;
        const returned = byKey.find((entry) => entry.key === key);
        if (returned?.open) return undefined;
        const own = returned?.own;
        if (!own?.elements.length) return { taint: undefined };
        const what = own.elements.map((e) => (e.element === 'record' ? `${e.category} record` : e.element)).join(', ');
        return { taint: { elements: own.elements, record: own.record, origin: call.range, steps: [{ range: call.range, label: `${exprLabel(call.callee)}() (returns ${what} under \`${key}\`)` }] } };
      },
      followsCall: (call, scopeId) => !!this.targetOf(call, scopeId),
      auditCallBehind: (callee, scopeId, names) => {
        const path = calleePath(callee);
        return path && path.length <= 4 ? this.index.reachesNamedCall(this.file, this.classOf(scopeId), path, names) : undefined;
      },
      auditCallThroughFactory: (callee, scopeId, names) => {
        const path = calleePath(callee);
        return path && path.length <= 4 ? this.index.reachesNamedCallThroughFactory(this.file, this.classOf(scopeId), path, names) : undefined;
      },
      dataUseBehind: (callee, scopeId) => {
        const path = calleePath(callee);
        return path && path.length <= 4 ? this.index.dataUseBehind(this.file, this.classOf(scopeId), path) : undefined;
      },
      typeHoldsRecord: (typeName) => this.index.typeHoldsRecord(this.file, typeName),
      typePhiFields: (typeName) => this.index.typePhiFields(this.file, typeName),
      referenceFieldsOf: (name) => this.index.referenceFieldsOf(this.file, name),
      importedModuleMintsClaimNumbers: (name) => this.index.importedModuleMintsClaimNumbers(this.file, name),
      totalsResponseBehind: (callee, scopeId) => {
        const path = calleePath(callee);
        return !!path && path.length <= 4 && this.index.resolvesToTotalsResponse(this.file, this.classOf(scopeId), path);
      },
      accessRefusalBehind: (callee, scopeId) => {
        const path = calleePath(callee);
        return !!path && path.length <= 4 && this.index.reachesAccessRefusal(this.file, this.classOf(scopeId), path);
      },
      notImplementedBehind: (callee, scopeId) => {
        const path = calleePath(callee);
        return !!path && path.length <= 4 && this.index.resolvesToStub(this.file, this.classOf(scopeId), path);
      },
      storeReadsBehind: (callee, scopeId) => {
        const path = calleePath(callee);
        return path && path.length <= 4 ? this.index.storeReadsBehind(this.file, this.classOf(scopeId), path) : undefined;
      },
    };
  }

  /** Calls that pass PHI to a parameter reaching a sink inside the callee: one finding per call and rule. */
  callFindings(context: RuleContext, enabled: (ruleId: RuleId) => boolean): RawFinding[] {
    const findings: RawFinding[] = [];
    for (const fact of this.facts.calls) {
      const target = this.targetOf(fact.call, fact.scopeId);
      if (!target?.summary.sinks.length) continue;
      const args = positioned(fact.call.args);
      // One finding per call and rule: a helper that logs a phone and texts it through Twilio leaks it twice.
      const reported = new Set<RuleId>();
      for (const { param, effect, viaField, fields, stringForm, builtFields } of target.summary.sinks) {
        if (!enabled(effect.ruleId) || reported.has(effect.ruleId)) continue;
        const arg = argumentFor(args, target, param);
        const literal = arg && viaField && fields ? this.literalBehind(arg.value, fact.scopeId, context) : undefined;
        const given = arg && (literal && fields ? fieldsTaint(literal, fields, (expr) => context.flow.taintOf(expr, fact.scopeId)) : context.flow.taintOf(arg.value, fact.scopeId));
        // The callee prints it by its string form (`${result}`): a JS object's is `[object Object]`.
        const taint = stringForm ? context.flow.writtenAsString(given) : given;
        // An unknown field of a record is not PHI; the value a literal puts under the key read is that value itself.
        if (!arg || !taint || (viaField && taint.record && !(literal && fields && fields.every((field) => putUnder(literal, field.split(FIELD_PATH_SEPARATOR)))))) continue;
        if (effect.namesNoCareRecord && onlyCodesForCodeParameter(taint.elements, taint.record, target.summary.params[param])) continue;
        // A one-time code or a password reset sent to the number or address given, and nothing else of the person.
        if (this.sendsSecurityCodeTo(fact, arg, taint, effect, target, context)) continue;
        // The helper logs through a logger the project made to redact: what it redacts whatever the key is quiet here too.
        const redacting = effect.logger && redactingLoggerFor(effect.logger, effect.path, context.auditContext?.redactingLoggers);
        if (redacting && redactsWhole(redacting, taint.elements)) continue;
        // The helper prints through a console method its package's production build strips.
        if (effect.ruleId === 'phi-in-log' && strippedConsoleSink(effect.sink, effect.path, context.auditContext?.consoleStrippingBuilds)) continue;
        // A value holding a record in one field (`props.patient`) passes PHI only if that field is read.
        if (viaField && taint.holder && !(fields ?? []).some((field) => field.split(FIELD_PATH_SEPARATOR)[0] === taint.holder)) continue;
        // A built value's PHI sits under PHI-named keys; a callee reading only keys that name none gets none of it.
        if (viaField && fields && (builtFields || this.builtByCall(arg.value, fact.scopeId, context)) && readsOnlyUnnamedFields(fields, context)) continue;
        findings.push(this.finding(fact, arg, taint, effect));
        reported.add(effect.ruleId);
      }
    }
    return findings;
  }

  /**
   * `sendVerificationSMS(invitation.patientPhone, otp, clinicName)`: a messaging helper named for
   * an account-security message, given a phone number or an e-mail address and no other PHI
   * (analysis/sinks/security-code-messages.ts).
   */
  private sendsSecurityCodeTo(fact: CallFact, arg: Argument, taint: Taint, effect: SinkEffect, target: CallTarget, context: RuleContext): boolean {
    if (effect.ruleId !== 'phi-to-third-party' || !isMessagingSink(effect.sink) || !onlyAddressElements(taint.elements, taint.record)) return false;
    const names = [lastName(fact.call.callee), target.summary.name].filter((name): name is string => !!name);
    if (!namesSecurityMessage(names)) return false;
    return fact.call.args.every((other) => other.value === arg.value || (!other.spread && !context.flow.taintOf(other.value, fact.scopeId)));
  }

  /**
   * `recordAlert(alert)` after `const alert = { headline: 'x', message: note }`: the object literal a
   * variable holds when it is its only binding in the file (no reassignment, nothing stored into it
   * later), so a callee reading some of its fields is judged by those keys; else the value itself.
   */
  private literalBehind(value: Expr, scopeId: number, context: RuleContext): Expr {
    if (value.kind !== 'name') return value;
    const binding = context.flow.resolveBinding(value.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, value.range.start));
    if (binding?.kind !== 'assign' || binding.value.kind !== 'object') return value;
    // `alert.message = x`, `alert[key] = x` are bindings of `alert[]`: something was stored into it.
    const stored = this.facts.bindings.some((other) => other.name === `${value.name}[]`);
    const bindings = this.facts.bindings.filter((other) => other.name === value.name && other.scopeId === binding.scopeId);
    return !stored && bindings.length === 1 && bindings[0] === binding ? binding.value : value;
  }

  /**
   * `drawSection(config)` after `const config = buildConfig(patient)`, or `drawSection(buildConfig(patient))`:
   * a value some call put together, named for no PHI element, with nothing stored into it afterwards.
   * An item of a list a call built is one too: `for (const handler of handlers)` after `const
   * handlers = await this.getEventHandlers(name)` (each row the call mapped into its keys).
   */
  private builtByCall(value: Expr, scopeId: number, context: RuleContext, depth = 0): boolean {
    const inner = value.kind === 'other' && value.children.length === 1 ? value.children[0] : value;
    const named = lastName(inner);
    if (!named || namesPhi(named, context)) return false;
    if (inner.kind === 'call') return true;
    if (inner.kind !== 'name') return false;
    const binding = context.flow.resolveBinding(inner.name, scopeId, offsetOf(this.facts.lineStarts, this.facts.text, inner.range.start));
    const stored = this.facts.bindings.some((other) => other.name === `${inner.name}[]`);
    if (binding?.kind === 'iterate' && depth === 0) return !stored && this.builtByCall(binding.value, binding.scopeId, context, depth + 1);
    if (binding?.kind !== 'assign') return false;
    const made = binding.value.kind === 'other' && binding.value.children.length === 1 ? binding.value.children[0] : binding.value;
    return made.kind === 'call' && !stored;
  }

  private finding(fact: CallFact, arg: Argument, taint: Taint, effect: SinkEffect): RawFinding {
    const callee = `${exprLabel(fact.call.callee)}()`;
    const where = `${this.index.displayPath(effect.path)}:${effect.range.start.line + 1}`;
    const line = fact.call.range.start.line;
    const flow: FlowStep[] = [
      ...taint.steps,
      { range: fact.call.callee.range, label: `${callee} (passes it on)` },
      // The hover lists the labels: the sink's says where it is.
      { range: effect.range, label: `${effect.sink} (${SINK_KIND[effect.ruleId]}, ${where})`, ...(effect.path !== this.file.path ? { path: effect.path } : {}) },
    ];
    return {
      ruleId: effect.ruleId,
      message: `${passedLabel(arg, taint)} is passed to \`${callee}\`, which ${WHAT_THE_SINK_DOES[effect.ruleId]} (${where}).`,
      range: taint.origin,
      line,
      phi: taint.elements,
      sink: `${callee} -> ${effect.sink}`,
      flow,
      fixes: withSuppressFix(effect.ruleId, line, this.facts, effect.ruleId === 'phi-in-log' ? this.passIdFix(arg, taint) : undefined),
    };
  }

  /** `trace("x", patient.date_of_birth)` -> `trace("x", patient.id)`: the helper gets the record's id instead. */
  private passIdFix(arg: Argument, taint: Taint): Fix | undefined {
    const id = recordIdText(taint, this.facts);
    // An object of named arguments (`trace({ visitId, detail: patient })`) is not one value to swap for an id.
    if (!id || !within(arg.value, taint.recordRoot!) || arg.value.kind === 'object') return undefined;
    return { title: `Pass \`${id}\` instead`, kind: 'fix', isPreferred: true, edits: [{ range: arg.value.range, newText: id }] };
  }

  private targetOf(call: CallExpr, scopeId: number): CallTarget | undefined {
    const className = this.classOf(scopeId);
    // A call of an untouched statement is the same object at the next keystroke: its target holds
    // while the summary it is resolved from, the method's class and the index's state do.
    const before = targetsBefore.get(call);
    if (before && before.file === this.file && before.className === className && before.answersKey === this.answersKey) return before.target;
    const callee = calleePath(call.callee);
    const target = callee && callee.length <= 4 ? this.index.resolveCall(this.file, className, callee) : undefined;
    targetsBefore.set(call, { file: this.file, className, answersKey: this.answersKey, target });
    return target;
  }

  /** The top-level class a scope's method belongs to, for `self.m()` / `this.m()`. */
  private classOf(scopeId: number): string | undefined {
    let scope = this.facts.scopes[scopeId];
    for (let i = 0; scope && i < 50; i++) {
      const parent = this.facts.scopes[scope.parentId ?? -1];
      if (scope.kind === 'class' && parent?.kind === 'module') return scope.name;
      scope = parent;
    }
    return undefined;
  }
}

/**
 * What the callee reads of an argument when it reads only `fields` of it (paths: `data`, then
 * `years`): of an object literal, the values under those keys (`{ alertType: 'x', message: note }`
 * read as `.alertType` passes nothing), followed into nested literals; of anything else, the whole
 * value (its keys cannot be told apart here).
 */
function fieldsTaint(value: Expr, fields: string[], taintOf: (expr: Expr) => Taint | undefined): Taint | undefined {
  return union(fields.map((field) => pathTaint(value, field.split(FIELD_PATH_SEPARATOR), taintOf)));
}

function pathTaint(value: Expr, path: string[], taintOf: (expr: Expr) => Taint | undefined): Taint | undefined {
  if (!path.length || value.kind !== 'object' || value.entries.some((entry) => entry.spread || entry.key === undefined)) return taintOf(value);
  return union(value.entries.filter((entry) => entry.key === path[0]).map((entry) => pathTaint(entry.value, path.slice(1), taintOf)));
}

/**
 * The callee reads of a caller's built value (a call's result, not a literal) only fields named for
 * something else than PHI (`data.resultSpecimenInfo`, `config.layout`): the value's PHI came from
 * its PHI-named keys (`patientName`, `dob`), which the callee never reads. A field named only by
 * generic words (`data`, `details`, `payload`) may be where the PHI sits, so it still counts.
 */
function readsOnlyUnnamedFields(fields: string[], context: RuleContext): boolean {
  return fields.every((field) => {
    const segments = field.split(FIELD_PATH_SEPARATOR);
    const specific = tokenize(segments.at(-1) ?? '').some((token) => !RECORD_WORDS.has(token));
    return specific && segments.every((segment) => !namesPhi(segment, context));
  });
}

function namesPhi(name: string, context: RuleContext): boolean {
  const kind = context.flow.classifier.classify(name).kind;
  return kind === 'element' || kind === 'record';
}

/** Whether an object literal puts a value under the whole of `path` (`{ data: patient }` under `data`). */
function putUnder(value: Expr, path: string[]): boolean {
  if (!path.length) return true;
  if (value.kind !== 'object' || value.entries.some((entry) => entry.spread || entry.key === undefined)) return false;
  const entries = value.entries.filter((entry) => entry.key === path[0]);
  return entries.length > 0 && entries.every((entry) => putUnder(entry.value, path.slice(1)));
}

/** Arguments with their positional index (keyword arguments and spreads have none). */
function positioned(args: Argument[]): (Argument & { position?: number })[] {
  return args.map((arg, position) => (arg.name === undefined && !arg.spread ? { ...arg, position } : arg));
}

function within(outer: Expr, inner: Expr): boolean {
  const a = outer.range;
  const b = inner.range;
  const after = b.start.line > a.start.line || (b.start.line === a.start.line && b.start.character >= a.start.character);
  const before = b.end.line < a.end.line || (b.end.line === a.end.line && b.end.character <= a.end.character);
  return after && before;
}

/** Labels that name no variable or field: the message names the PHI instead. */
const GENERIC_LABELS = new Set(['expression', 'formatted string', 'string', '…']);

/**
 * What the call passes, by name (`patient.mrn`); an argument built in place (a template, an
 * object literal) is named by the PHI it holds: "a formatted string with mrn (demographics)".
 */
function passedLabel(arg: Argument, taint: Taint): string {
  const label = exprLabel(arg.value);
  if (!GENERIC_LABELS.has(label)) return `\`${label}\``;
  const what = label === 'formatted string' ? 'A formatted string' : label === 'string' ? 'A string' : 'A value';
  const elements = taint.elements.map((element) => (element.element === 'record' ? `a whole ${element.category} record` : `${element.element} (${element.category})`));
  return `${what} holding ${elements.join(', ')}`;
}
