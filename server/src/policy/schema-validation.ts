// Validates one parsed policy file against schemas/phi-guard.schema.json and drops what is
// invalid, so the rest of the file still applies. Every problem becomes a diagnostic at the
// offending value (or, for an unknown property, its key) in that file.
//
// What is dropped for a problem (the "drop unit"): the innermost array entry that contains it —
// a whole vendor, AI tool or added PHI element, one pattern of `ignore`, one name of a list —
// or, outside arrays, just the offending setting (one rule severity, one role, one audit name).
// Dropping never makes protection weaker than the defaults: a dropped vendor is not BAA-covered,
// a dropped AI tool is not approved, a dropped severity override leaves the default severity.

import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Node } from 'jsonc-parser/lib/esm/main.js';
import policySchema from '../../../schemas/phi-guard.schema.json';
import type { Range } from '../engine/model/ranges';
import { formatJsonPath, nodeAtPath, propertyKeyNodeAtPath, quoteKey, type JsonPath, type PolicyJsonDocument } from './json-document';
import type { PolicyDiagnostic, PolicyFileContent } from './types';

/** VS Code's JSON-schema extensions: annotations for the editor, nothing for validation. */
const EDITOR_ONLY_KEYWORDS = [
  'markdownDescription',
  'allowComments',
  'allowTrailingCommas',
  'enumDescriptions',
  'markdownEnumDescriptions',
  'patternErrorMessage',
  'defaultSnippets',
  'errorMessage',
  'deprecationMessage',
  'doNotSuggest',
  'suggestSortText',
];

let compiledValidator: ValidateFunction | undefined;

/** Compiled once per process, on first use. */
function policyValidator(): ValidateFunction {
  if (!compiledValidator) {
    const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, allowUnionTypes: true });
    ajv.addVocabulary(EDITOR_ONLY_KEYWORDS);
    compiledValidator = ajv.compile(policySchema);
  }
  return compiledValidator;
}

/** A reference in `extends`, with where it is written (for diagnostics about that file). */
export interface ExtendsEntry {
  reference: string;
  range: Range;
  /** e.g. `extends[1]`. */
  label: string;
}

export interface ValidatedPolicyFile {
  content: PolicyFileContent;
  extendsEntries: ExtendsEntry[];
  diagnostics: PolicyDiagnostic[];
}

export function validatePolicyDocument(document: PolicyJsonDocument): ValidatedPolicyFile {
  const { root, value } = document;
  if (!root || value === undefined) return { content: {}, extendsEntries: [], diagnostics: [] };
  const problems = new ProblemCollector(document, root);
  // Already diagnosed where the nesting went too deep; what holds the cut-off value is dropped.
  for (const path of document.tooDeep) problems.drop(path);

  const validate = policyValidator();
  if (!validate(value)) problems.addSchemaErrors(validate.errors ?? [], value);
  if (!problems.isDropped([])) checkSemantics(value as Record<string, unknown>, problems);

  const content = (problems.isDropped([]) ? {} : prune(value, [], problems)) as PolicyFileContent;
  return { content, extendsEntries: extendsEntries(value, problems), diagnostics: problems.diagnostics };
}

class ProblemCollector {
  readonly diagnostics: PolicyDiagnostic[] = [];
  private readonly dropped = new Set<string>();
  private readonly seen = new Set<string>();

  constructor(
    private readonly document: PolicyJsonDocument,
    private readonly root: Node,
  ) {}

  isDropped(path: JsonPath): boolean {
    for (let length = 0; length <= path.length; length++) {
      if (this.dropped.has(pathKey(path.slice(0, length)))) return true;
    }
    return false;
  }

  addSchemaErrors(errors: ErrorObject[], value: unknown): void {
    // A value of the wrong type also fails its enum/pattern: report the type only. Missing
    // required properties of one object are reported together.
    const wrongType = new Set(errors.filter((error) => error.keyword === 'type').map((error) => error.instancePath));
    const missing = new Map<string, string[]>();
    for (const error of errors) {
      if (error.keyword === 'required') {
        const names = missing.get(error.instancePath) ?? [];
        if (names.length === 0) missing.set(error.instancePath, names);
        names.push(String(error.params.missingProperty));
      }
    }
    for (const [instancePath, names] of missing) {
      const path = instancePathToJsonPath(instancePath, value);
      const list = names.map((name) => `\`${name}\``).join(', ');
      const noun = names.length === 1 ? 'property' : 'properties';
      this.report(path, this.openingRange(path), 'schema', `${capitalize(formatJsonPath(path))} is missing the required ${noun} ${list}.`);
    }
    for (const error of errors) {
      if (error.keyword === 'required') continue;
      if (error.keyword !== 'type' && error.keyword !== 'additionalProperties' && wrongType.has(error.instancePath)) continue;
      this.addSchemaError(error, value);
    }
  }

  private addSchemaError(error: ErrorObject, value: unknown): void {
    const path = instancePathToJsonPath(error.instancePath, value);
    switch (error.keyword) {
      case 'additionalProperties': {
        const key = String(error.params.additionalProperty);
        const propertyPath = [...path, key];
        const known = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
        const suggestion = closestName(key, known);
        const hint = suggestion ? ` Did you mean \`${suggestion}\`?` : '';
        const isRule = path.length === 1 && path[0] === 'rules';
        const where = path.length === 0 ? '' : ` in ${formatJsonPath(path)}`;
        const message = isRule
          ? `Unknown rule id ${quoteKey(key)} in \`rules\`.${hint} Known rules: ${known.join(', ')}.`
          : `Unknown property ${quoteKey(key)}${where}.${hint}`;
        this.report(propertyPath, this.keyRange(propertyPath), isRule ? 'unknown-rule' : 'unknown-property', message);
        return;
      }
      default:
        this.report(path, this.valueRange(path), 'schema', `${capitalize(formatJsonPath(path))} ${describeSchemaError(error)}.`);
    }
  }

  /** Records a problem that drops its drop unit (see the top of this file). */
  report(path: JsonPath, range: Range, code: string, message: string): void {
    const unit = dropUnit(path);
    this.dropped.add(pathKey(unit));
    this.add({ range, code, severity: 'error', message: `${message} ${consequence(unit, code)}` });
  }

  /** Drops the drop unit of a problem that was reported elsewhere. */
  drop(path: JsonPath): void {
    this.dropped.add(pathKey(dropUnit(path)));
  }

  /** Records a problem that does not drop anything. */
  warn(path: JsonPath, code: string, message: string): void {
    this.add({ range: this.valueRange(path), code, severity: 'warning', message });
  }

  valueRange(path: JsonPath): Range {
    for (let length = path.length; length >= 0; length--) {
      const node = nodeAtPath(this.root, path.slice(0, length));
      if (node) return this.document.lines.rangeAt(node.offset, node.length);
    }
    return this.document.lines.rangeAt(0, 0);
  }

  private keyRange(path: JsonPath): Range {
    const key = propertyKeyNodeAtPath(this.root, path);
    return key ? this.document.lines.rangeAt(key.offset, key.length) : this.valueRange(path.slice(0, -1));
  }

  /** The opening brace of an object: a missing property is reported there, as VS Code does. */
  private openingRange(path: JsonPath): Range {
    const node = nodeAtPath(this.root, path);
    return node ? this.document.lines.rangeAt(node.offset, 1) : this.valueRange(path);
  }

  private add(problem: Omit<PolicyDiagnostic, 'file'>): void {
    const key = `${problem.message}|${JSON.stringify(problem.range)}`;
    if (this.seen.has(key)) return;
    this.seen.add(key);
    this.diagnostics.push({ file: this.document.file, ...problem });
  }
}

/** Checks the schema cannot express: real calendar dates, duplicate ids, PHI use without a BAA. */
function checkSemantics(value: Record<string, unknown>, problems: ProblemCollector): void {
  const vendors = Array.isArray(value.vendors) ? (value.vendors as Record<string, unknown>[]) : [];
  vendors.forEach((vendor, index) => {
    if (problems.isDropped(['vendors', index]) || typeof vendor.expires !== 'string') return;
    if (!isCalendarDate(vendor.expires)) {
      problems.report(['vendors', index, 'expires'], problems.valueRange(['vendors', index, 'expires']), 'invalid-date', `${formatJsonPath(['vendors', index, 'expires'])} is not a valid calendar date.`);
    }
  });
  warnDuplicateIds('vendors', vendors, problems);

  checkAuditCalls(value, problems);

  const tools = Array.isArray(value.aiTools) ? (value.aiTools as Record<string, unknown>[]) : [];
  warnDuplicateIds('aiTools', tools, problems);
  tools.forEach((tool, index) => {
    if (problems.isDropped(['aiTools', index]) || tool.phi !== 'allowed' || tool.baa === 'signed') return;
    problems.warn(
      ['aiTools', index, 'phi'],
      'phi-without-baa',
      `${formatJsonPath(['aiTools', index, 'phi'])} is \`allowed\` but ${formatJsonPath(['aiTools', index, 'baa'])} is not \`signed\`: PHI may only be used with a tool covered by a signed BAA.`,
    );
  });
}

/** Method names so common that, without a receiver, they would make every such call an audit control. */
const GENERIC_CALLS = new Set([
  'log', 'info', 'debug', 'warn', 'warning', 'error', 'exception', 'critical', 'print', 'trace',
  'record', 'write', 'send', 'emit', 'track', 'save', 'create', 'update', 'add', 'push', 'append', 'insert', 'get', 'set', 'run', 'call',
]);

/**
 * `audit.*.calls`: an entry that is a common method name with no receiver (`log`) would count any
 * `logger.log(...)` as an audit control, weakening the rule, so it is reported and dropped.
 */
function checkAuditCalls(value: Record<string, unknown>, problems: ProblemCollector): void {
  const audit = value.audit as Record<string, Record<string, unknown> | undefined> | undefined;
  for (const language of ['python', 'typescript'] as const) {
    const calls = audit?.[language]?.calls;
    if (!Array.isArray(calls)) continue;
    calls.forEach((call, index) => {
      const path: JsonPath = ['audit', language, 'calls', index];
      if (typeof call !== 'string' || problems.isDropped(path) || call.includes('.') || !GENERIC_CALLS.has(call)) return;
      problems.report(
        path,
        problems.valueRange(path),
        'audit-call-too-broad',
        `${capitalize(formatJsonPath(path))} is a common method name without its receiver: every such call would count as an audit control. Write it with the receiver, e.g. \`audit_log.record\`.`,
      );
    });
  }
}

function warnDuplicateIds(section: 'vendors' | 'aiTools', entries: Record<string, unknown>[], problems: ProblemCollector): void {
  const firstIndex = new Map<string, number>();
  entries.forEach((entry, index) => {
    if (problems.isDropped([section, index]) || typeof entry.id !== 'string') return;
    const earlier = firstIndex.get(entry.id);
    if (earlier === undefined) {
      firstIndex.set(entry.id, index);
      return;
    }
    problems.warn(
      [section, index, 'id'],
      'duplicate-id',
      `${formatJsonPath([section, index, 'id'])} repeats the id of ${formatJsonPath([section, earlier])}: this later entry replaces it.`,
    );
  });
}

function extendsEntries(value: unknown, problems: ProblemCollector): ExtendsEntry[] {
  if (problems.isDropped([]) || typeof value !== 'object' || value === null) return [];
  const declared = (value as PolicyFileContent).extends;
  if (typeof declared === 'string') {
    if (problems.isDropped(['extends'])) return [];
    return [{ reference: declared, range: problems.valueRange(['extends']), label: '`extends`' }];
  }
  if (!Array.isArray(declared) || problems.isDropped(['extends'])) return [];
  const entries: ExtendsEntry[] = [];
  declared.forEach((reference, index) => {
    if (typeof reference !== 'string' || problems.isDropped(['extends', index])) return;
    entries.push({ reference, range: problems.valueRange(['extends', index]), label: formatJsonPath(['extends', index]) });
  });
  return entries;
}

/** A copy of the value without the dropped parts. */
function prune(value: unknown, path: JsonPath, problems: ProblemCollector): unknown {
  if (Array.isArray(value)) {
    const kept: unknown[] = [];
    value.forEach((item, index) => {
      const itemPath = [...path, index];
      if (!problems.isDropped(itemPath)) kept.push(prune(item, itemPath, problems));
    });
    return kept;
  }
  if (typeof value === 'object' && value !== null) {
    const kept: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      const itemPath = [...path, key];
      if (!problems.isDropped(itemPath)) kept[key] = prune(item, itemPath, problems);
    }
    return kept;
  }
  return value;
}

function dropUnit(path: JsonPath): JsonPath {
  const firstIndex = path.findIndex((segment) => typeof segment === 'number');
  return firstIndex >= 0 ? path.slice(0, firstIndex + 1) : path;
}

function consequence(unit: JsonPath, code: string): string {
  const [section, second] = unit;
  if (unit.length === 0) return 'The whole file is ignored; the built-in defaults apply.';
  if (section === 'vendors' && unit.length === 2) return 'This vendor entry is ignored, so the vendor counts as not covered by a BAA.';
  if (section === 'aiTools' && unit.length === 2) return 'This AI tool entry is ignored, so the tool counts as not approved.';
  if (section === 'phi' && second === 'add' && unit.length === 3) return 'This PHI element is not added.';
  if (section === 'extends' && unit.length === 2) return 'This file is not extended.';
  if (section === 'ignore' && unit.length === 2) return 'This pattern is not used.';
  if (section === 'roles' && unit.length === 3) return 'The role is not granted this category.';
  if (code === 'unknown-rule' || code === 'unknown-property') return 'It is ignored.';
  if (section === 'rules' && unit.length === 2) return 'The rule keeps its severity from extended files or its default.';
  if (typeof unit[unit.length - 1] === 'number') return 'This entry is ignored.';
  return 'This setting is ignored; the value from extended files or the default applies.';
}

function describeSchemaError(error: ErrorObject): string {
  const parentSchema = error.parentSchema as { patternErrorMessage?: string } | undefined;
  switch (error.keyword) {
    case 'type':
      return `must be ${typeNames(String(error.params.type))}`;
    case 'enum':
      return `must be one of: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
    case 'pattern':
      return parentSchema?.patternErrorMessage ?? 'has an invalid format';
    case 'minLength':
      return 'must not be empty';
    case 'maxLength':
      return `must be at most ${error.params.limit} characters`;
    default:
      return `is invalid (${error.keyword})`;
  }
}

function typeNames(types: string): string {
  const article: Record<string, string> = {
    string: 'a string',
    array: 'an array',
    object: 'an object',
    boolean: 'true or false',
    number: 'a number',
    integer: 'an integer',
    null: 'null',
  };
  return types
    .split(',')
    .map((type) => article[type] ?? type)
    .join(' or ');
}

function instancePathToJsonPath(instancePath: string, value: unknown): JsonPath {
  if (!instancePath) return [];
  const path: JsonPath = [];
  let current = value;
  for (const raw of instancePath.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(current)) {
      const index = Number(segment);
      path.push(index);
      current = current[index];
    } else {
      path.push(segment);
      current = typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return path;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function pathKey(path: JsonPath): string {
  return JSON.stringify(path);
}

function isCalendarDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The known name closest to a misspelt one, if it is close enough to be a typo. */
function closestName(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Infinity;
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
