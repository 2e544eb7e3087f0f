// phi-literal's analysis: every value written in the file (source string literals, data file
// values, HL7 messages in literals) judged by classify.ts, as hits grouped by line.

import type { DataValueFact, FileFacts, StringLiteralFact } from '../../model/facts';
import type { Range } from '../../model/ranges';
import { hl7Fields, looksLikeHl7 } from '../../adapters/data/hl7';
import { classifyCandidate, isPlaceholderName, provesSynthetic, type LiteralCandidate } from './classify';
import { elementOfKey, hasSyntheticMarker, keyWords, type LiteralElement } from './keys';
import { syntheticValue } from './synthetic';
import { NON_PATIENT_RESOURCE_TYPES } from '../../catalogues/fhir-resources';

export { ELEMENT_LABELS, type LiteralElement } from './keys';

/** One PHI value: what it is, where it is, and the edit that makes it synthetic when there is one. */
export interface LiteralHit {
  element: LiteralElement;
  /** The key it sits under, when it is safe to show (an element name, never a value). */
  key?: string;
  range: Range;
  where?: string;
  replacement?: { range: Range; newText: string };
  cellOutputs?: Range;
}

export interface LiteralOptions {
  /** The file is test code (the policy's `testCode` paths): a whole identity alone is not enough. */
  testCode?: boolean;
}

export function findLiteralPhi(facts: FileFacts, options: LiteralOptions = {}): LiteralHit[] {
  const hits: LiteralHit[] = [];
  const literals = (facts.literals ?? []).filter((literal) => !literal.namePosition);
  const values = facts.dataValues ?? [];
  // Records that hold a value proving them made up are quiet as a whole.
  const generated = new Set<number>();
  const generatedDeclarations = new Set<number>();
  const generatedResources = new Set<number>();
  const numbered = numberedRuns(literals, (literal) => recordNumberKey(proofCandidate(literal)));
  for (const literal of literals) {
    if (literal.recordId !== undefined && (literalProvesSynthetic(literal) || numbered.has(literal))) {
      generated.add(literal.recordId);
      // A FHIR resource is one record with its lists: `name: [{ family: 'Doe' }]` beside `birthDate`.
      if (literal.resourceId !== undefined) generatedResources.add(literal.resourceId);
      // `PATIENT_MARCUS = {..., profile: {reviewedBy: 'Demo Scheduler'}}`: the whole record.
      if (literal.declarationId !== undefined) generatedDeclarations.add(literal.declarationId);
    }
  }
  // A data file's persona (`{"patient": {..., "email": "…@example.com", "insurance": {...}}}`) likewise.
  const generatedPersonas = new Set<number>();
  const numberedValues = numberedRuns(values, recordNumberKey);
  for (const value of values) {
    if (value.recordId !== undefined && (provesSynthetic(value) || numberedValues.has(value))) {
      generated.add(value.recordId);
      if (value.personaId !== undefined) generatedPersonas.add(value.personaId);
    }
  }
  const providerResources = nonPatientResources(literals);
  for (const literal of literals) {
    if (literal.recordId !== undefined && generated.has(literal.recordId)) continue;
    if (literal.resourceId !== undefined && generatedResources.has(literal.resourceId)) continue;
    if (literal.declarationId !== undefined && generatedDeclarations.has(literal.declarationId)) continue;
    const hit = memoisedLiteralHit(literal);
    // A Practitioner's or an Organization's name, phone and address are not a patient's.
    if (hit && literal.resourceId !== undefined && providerResources.has(literal.resourceId) && !NATIONAL_IDENTIFIERS.has(hit.element)) continue;
    if (hit) hits.push(hit);
  }
  for (const value of values) {
    if (value.recordId !== undefined && generated.has(value.recordId)) continue;
    if (value.personaId !== undefined && generatedPersonas.has(value.personaId)) continue;
    const hit = dataHit(value);
    if (hit) hits.push(hit);
  }
  if (options.testCode && markedTestData(literals)) return hits.filter((hit) => NATIONAL_IDENTIFIERS.has(hit.element));
  return corroborated(hits, !options.testCode);
}

/** Record numbers by their key (not row ids: a table's rows are numbered one after another, real or not). */
const RECORD_NUMBERS: ReadonlySet<LiteralElement> = new Set(['mrn', 'member', 'policy', 'account']);
function recordNumberKey(candidate: { key?: string; context: readonly string[] }): string | undefined {
  const element = elementOfKey(candidate.key, candidate.context);
  return element && RECORD_NUMBERS.has(element) ? candidate.key : undefined;
}

/** Records numbered one after another need at least this many to be a run. */
const MIN_RUN = 3;

/**
 * Record numbers under the same key numbered one after another (`MRN-2024-001234`, `…001235`,
 * `…001236`): an author numbering made-up records; real records copied into a file are not
 * consecutive. The records holding them are made up as a whole, like those holding a marker.
 */
function numberedRuns<T extends { value: string }>(items: readonly T[], keyOf: (item: T) => string | undefined): Set<T> {
  const groups = new Map<string, Array<{ item: T; number: number }>>();
  for (const item of items) {
    const key = keyOf(item);
    const match = key === undefined ? null : /^(.*?)(\d{2,12})$/.exec(item.value.trim());
    if (!match) continue;
    const group = `${key}\u0000${match[1]}\u0000${match[2].length}`;
    const entries = groups.get(group) ?? [];
    entries.push({ item, number: Number(match[2]) });
    groups.set(group, entries);
  }
  const inRuns = new Set<T>();
  for (const entries of groups.values()) {
    if (entries.length < MIN_RUN) continue;
    const sorted = [...entries].sort((a, b) => a.number - b.number);
    // Each stretch of numbers one after another (a repeated number breaks it: rows of one record).
    for (let start = 0, end = 1; end <= sorted.length; end++) {
      if (end < sorted.length && sorted[end].number === sorted[end - 1].number + 1) continue;
      if (end - start >= MIN_RUN) for (const entry of sorted.slice(start, end)) inRuns.add(entry.item);
      start = end;
    }
  }
  return inRuns;
}

/**
 * Identifiers whose shape is validated (area and group ranges, a check digit): a real-looking
 * one is no tester's invention, wherever it sits.
 */
const NATIONAL_IDENTIFIERS: ReadonlySet<LiteralElement> = new Set(['ssn', 'mbi', 'nhs']);

/** The resources (by `resourceId`) whose `resourceType` literal names a provider, place or thing. */
function nonPatientResources(literals: readonly StringLiteralFact[]): Set<number> {
  const resources = new Set<number>();
  for (const literal of literals) {
    if (literal.resourceId === undefined || !NON_PATIENT_RESOURCE_TYPES.has(literal.value)) continue;
    if (/(?:^|\.)resourceType$/.test(literal.target ?? '')) resources.add(literal.resourceId);
  }
  return resources;
}

/** Markers a test file's data set needs to be made up as a whole: one could be a slip. */
const TEST_DATA_MARKERS = 2;

/** Words of the keys a test types a person's data under (`NEW_PATIENT_LAST_NAME`, `holderAddress`). */
const PERSON_FIELD_WORDS = new Set([
  'name', 'first', 'last', 'middle', 'given', 'family', 'surname', 'firstname', 'lastname', 'address', 'street', 'city',
  'phone', 'mobile', 'email', 'birth', 'dob', 'birthdate', 'zip', 'member', 'subscriber', 'ssn', 'mrn',
]);

/**
 * Whether a test file's person data is visibly made up: at least two values under person
 * fields that prove it (`'Test_last_name'`, `'123 fake lane'`, a placeholder name such as
 * `'Doe'` or `'Alice'`, a 555 number, an example.com address). A test types one made-up person
 * after another into the forms it exercises; a real record pasted into a test carries no marker,
 * and a test file without any is reported as before.
 */
function markedTestData(literals: readonly StringLiteralFact[]): boolean {
  let markers = 0;
  for (const literal of literals) {
    const candidate = proofCandidate(literal);
    const words = candidate.key ? keyWords(candidate.key) : [];
    if (!words.some((word) => PERSON_FIELD_WORDS.has(word)) || words.some((word) => THING_WORDS.has(word))) continue;
    const value = literal.value.trim();
    const marked = hasSyntheticMarker(value) || (words.some((word) => NAME_FIELD_WORDS.has(word)) && isPlaceholderName(value)) || literalProvesSynthetic(literal);
    if (marked && ++markers >= TEST_DATA_MARKERS) return true;
  }
  return false;
}

/** Words of keys naming a thing's name or address (`fileName`, `hostAddress`, `testName`): no person's field. */
const THING_WORDS = new Set([
  'file', 'files', 'host', 'server', 'app', 'model', 'field', 'bucket', 'table', 'column', 'class', 'function', 'method',
  'module', 'package', 'project', 'suite', 'spec', 'test', 'tests', 'template', 'event', 'tag', 'queue', 'topic', 'ip', 'url', 'web',
]);

const NAME_FIELD_WORDS = new Set(['name', 'first', 'last', 'middle', 'given', 'family', 'surname', 'firstname', 'lastname']);

// A literal's judgement depends on the literal alone, and facts are never modified: the literals
// of the statements a keystroke did not touch are the same objects at the next analysis, so they
// are judged once (classifying a value runs dozens of regular expressions).
const hitMemo = new WeakMap<StringLiteralFact, LiteralHit | null>();
const syntheticMemo = new WeakMap<StringLiteralFact, boolean>();

function memoisedLiteralHit(literal: StringLiteralFact): LiteralHit | undefined {
  let hit = hitMemo.get(literal);
  if (hit === undefined) hitMemo.set(literal, (hit = literalHit(literal) ?? null));
  return hit ?? undefined;
}

function literalProvesSynthetic(literal: StringLiteralFact): boolean {
  let synthetic = syntheticMemo.get(literal);
  if (synthetic === undefined) syntheticMemo.set(literal, (synthetic = provesSynthetic(proofCandidate(literal))));
  return synthetic;
}

/**
 * The candidate read for proof: an item of a list takes the list's key (`given: ['Jane']`), as
 * in data files. Only for proof, which can only quiet a record: a call's argument would take the
 * callee's name too, which says less about the value than a key.
 */
function proofCandidate(literal: StringLiteralFact): LiteralCandidate {
  const candidate = literalCandidate(literal);
  if (candidate.key !== undefined || candidate.context.length === 0) return candidate;
  return { ...candidate, key: candidate.context[candidate.context.length - 1], context: candidate.context.slice(0, -1) };
}

/** Identifiers whose validated shape under their key is enough on its own. */
const STRONG_ELEMENTS: ReadonlySet<LiteralElement> = new Set(['ssn', 'mbi', 'nhs', 'mrn', 'member', 'policy', 'account']);
const CONTACT_ELEMENTS: ReadonlySet<LiteralElement> = new Set(['phone', 'email', 'address', 'zip', 'ip']);

/**
 * The hits a team would not dismiss as placeholders. A name, birth date or contact detail alone
 * is what every test, seed script, API example and demo page writes (`firstName: 'Sarah'`, a
 * roster of elected officials, a FHIR example patient with a name and a birth date): on real
 * repositories those were made up every time. They count when the file also holds a real-looking
 * identifier (SSN, MBI, NHS, record, member, policy or account number), or a whole identity: a
 * name, a birth date and contact data.
 */
function corroborated(hits: LiteralHit[], identityCounts: boolean): LiteralHit[] {
  const elements = new Set(hits.map((hit) => hit.element));
  if ([...elements].some((element) => STRONG_ELEMENTS.has(element))) return hits;
  // Tests build a whole made-up person (name, birth date, address) for every form they exercise;
  // a real record pasted into one still carries its identifiers, which are reported.
  if (!identityCounts) return [];
  const identity = elements.has('name') && elements.has('dob') && [...elements].some((element) => CONTACT_ELEMENTS.has(element));
  return identity ? hits : [];
}

/** A literal as the classifier sees it: its key (the last part of its target) and its records. */
function literalCandidate(literal: StringLiteralFact): LiteralCandidate {
  const target = literal.target?.split('.') ?? [];
  return {
    value: literal.value,
    key: target.length > 0 ? target[target.length - 1] : undefined,
    context: [...(literal.record?.split('.') ?? []), ...target.slice(0, -1)],
    siblingKeys: literal.siblingKeys,
  };
}

function literalHit(literal: StringLiteralFact): LiteralHit | undefined {
  const candidate = literalCandidate(literal);
  const { key, context } = candidate;
  if (looksLikeHl7(literal.value)) {
    // One finding for the message, naming its first PHI field; the fields are not rewritten.
    if ([literal.target, ...context].some((name) => hasSyntheticMarker(name))) return undefined;
    // A message is one record: a 555 number or a placeholder name in it proves its other fields made up.
    const fields = hl7Fields(literal.value);
    if (fields.some((field) => provesSynthetic({ value: field.value, key: field.key, context: [field.key.slice(0, 3)] }))) return undefined;
    for (const field of fields) {
      const element = classifyCandidate({ value: field.value, key: field.key, context: [field.key.slice(0, 3)] });
      if (element) return { element, key: field.key, range: literal.range };
    }
    return undefined;
  }
  const element = classifyCandidate(candidate);
  if (!element) return undefined;
  const hit: LiteralHit = { element, key, range: literal.range };
  const { start, end } = literal.range;
  const newText = syntheticValue(element, literal.value, key);
  if (literal.plain && start.line === end.line && newText !== undefined) {
    const open = literal.prefix.length + literal.quote.length;
    hit.replacement = {
      range: { start: { line: start.line, character: start.character + open }, end: { line: end.line, character: end.character - literal.quote.length } },
      newText,
    };
  }
  return hit;
}

function dataHit(value: DataValueFact): LiteralHit | undefined {
  const element = classifyCandidate(value);
  if (!element) return undefined;
  const hit: LiteralHit = { element, key: value.key, range: value.range, where: value.where, cellOutputs: value.cellOutputs };
  const newText = value.replaceable ? syntheticValue(element, value.value, value.key) : undefined;
  if (newText !== undefined) hit.replacement = { range: value.range, newText };
  return hit;
}
