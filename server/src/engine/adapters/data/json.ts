// JSON values (and NDJSON lines, and the JSON inside notebooks) with their keys: a value's key is
// its property name (an array's items take the array's), its context the keys of the objects
// around it, a FHIR resource's `resourceType` standing for the key it sits under. A FHIR
// identifier or contact point (`{ "system": …, "value": … }`) is keyed by its system and type
// code, so `value` under `http://hl7.org/fhir/sid/us-ssn` is an SSN.

import { parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import type { DataValueFact } from '../../model/facts';
import type { Range } from '../../model/ranges';
import { DataValues } from './values';

/** Names generated patient data carries: Synthea's digits in names, its identifier system. */
const GENERATED_DATA = /"(?:given|family|first_?name|last_?name|FIRST|LAST)"\s*:\s*\[?\s*"[A-Za-z]+\d{2,}|synthetichealth/;

export interface JsonReadOptions {
  /** Outermost context names (the file's name). */
  context: string[];
  where?: string;
  cellOutputs?: Range;
}

type Placement = Pick<DataValueFact, 'where' | 'cellOutputs' | 'recordId' | 'personaId'> & { resource?: boolean };

/** Real data nests a few dozen levels; jsonc-parser and the walk recurse once per level. */
export const MAX_JSON_DEPTH = 256;

/** Whether brackets nest deeper than `limit` anywhere (strings skipped): such text is not parsed. */
export function nestsDeeperThan(text: string, limit: number): boolean {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length && text.charCodeAt(i) !== 34; i++) if (text.charCodeAt(i) === 92 /* \ */) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > limit) return true;
    } else if (c === 93 || c === 125) depth--;
  }
  return false;
}

/** The values of one JSON text; `offset`: where `text` starts in the file. */
export function readJson(text: string, offset: number, values: DataValues, options: JsonReadOptions): void {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return;
  const root = parseTree(text, [], { allowTrailingComma: true, disallowComments: false });
  if (!root) return;
  readJsonNode(root, offset, text, values, options);
}

/** The values under an already parsed node (a notebook's `application/json` output). */
export function readJsonNode(root: JsonNode, offset: number, text: string, values: DataValues, options: JsonReadOptions): void {
  const context = [...options.context];
  // A generated bundle or export: every record in it is made up.
  if (GENERATED_DATA.test(text.slice(root.offset, root.offset + root.length))) context.push('synthetic');
  walk(root, undefined, context, [], offset, values, { where: options.where, cellOutputs: options.cellOutputs });
}

function walk(node: JsonNode, key: string | undefined, context: string[], siblingKeys: readonly string[], offset: number, values: DataValues, placement: Placement): void {
  switch (node.type) {
    case 'object': {
      const properties = node.children ?? [];
      const keys = properties.map((property) => String(property.children?.[0]?.value ?? ''));
      const resourceType = stringProperty(node, 'resourceType');
      const inner = key === undefined && !resourceType ? context : [...context, resourceType ?? key!];
      const identifierKey = identifierKeyOf(node);
      // A FHIR resource is one record with its nested objects (name, telecom, address): a 555
      // number in its telecom proves its name made up too. Elsewhere each object is a record.
      const recordId = placement.resource && !resourceType && placement.recordId !== undefined ? placement.recordId : offset + node.offset;
      // The objects nested in it without a list between are one persona's (insurance, address).
      const personaId = placement.personaId ?? offset + node.offset;
      for (const property of properties) {
        const [keyNode, valueNode] = property.children ?? [];
        if (!keyNode || !valueNode) continue;
        const name = String(keyNode.value);
        const effective = name === 'value' && identifierKey ? identifierKey : name;
        walk(valueNode, effective, inner, keys, offset, values, { ...placement, recordId, personaId, resource: placement.resource || resourceType !== undefined });
      }
      break;
    }
    case 'array': {
      const inner = key === undefined ? context : [...context, key];
      for (const item of node.children ?? []) {
        // Each item of a list is a record of its own: a made-up one says nothing of the others.
        if (item.type === 'object' || item.type === 'array') walk(item, undefined, inner, [], offset, values, { ...placement, personaId: undefined });
        // Items of a list of values (`given: [...]`) belong to the object around the list.
        else walk(item, key, context, siblingKeys, offset, values, placement);
      }
      break;
    }
    case 'string':
    case 'number': {
      const raw = typeof node.value === 'string' ? node.value : String(node.value);
      const quoted = node.type === 'string' ? 1 : 0;
      // The characters between the quotes are the value only when nothing is escaped.
      const replaceable = node.type === 'number' || node.length === raw.length + 2;
      const { resource: _resource, ...fields } = placement;
      values.add(raw, offset + node.offset + quoted, offset + node.offset + node.length - quoted, { key, context, siblingKeys, ...fields }, replaceable);
      break;
    }
  }
}

function stringProperty(object: JsonNode, name: string): string | undefined {
  for (const property of object.children ?? []) {
    const [keyNode, valueNode] = property.children ?? [];
    if (keyNode?.value === name && valueNode?.type === 'string') return valueNode.value as string;
  }
  return undefined;
}

/** FHIR identifier type codes (v2-0203) that name an element. */
const IDENTIFIER_TYPES: Record<string, string> = { MR: 'mrn', SS: 'ssn', MB: 'member id', MC: 'medicare number', SN: 'subscriber number', NH: 'nhs number' };

/** `{ system, value }` (FHIR Identifier, ContactPoint): what `value` is, from its system and type. */
function identifierKeyOf(object: JsonNode): string | undefined {
  const system = stringProperty(object, 'system');
  if (system === undefined || !stringProperty(object, 'value')) return undefined;
  let code: string | undefined;
  const type = object.children?.find((property) => property.children?.[0]?.value === 'type')?.children?.[1];
  const coding = type?.children?.find((property) => property.children?.[0]?.value === 'coding')?.children?.[1];
  for (const item of coding?.children ?? []) {
    const value = stringProperty(item, 'code');
    if (value && IDENTIFIER_TYPES[value]) code = IDENTIFIER_TYPES[value];
  }
  // The SSA's OID is the SSN's system; otherwise only the URL's path says what it is (its host may be anything).
  const path = system.includes('2.16.840.1.113883.4.1') ? 'ssn' : system.replace(/^[a-z]+:\/\/[^/]+/i, '');
  return [path, code].filter(Boolean).join(' ') || undefined;
}

/** NDJSON: one JSON document per line. */
export function readNdjson(text: string, lineStarts: readonly number[], values: DataValues, context: string[]): void {
  for (let line = 0; line < lineStarts.length; line++) {
    const start = lineStarts[line];
    const end = line + 1 < lineStarts.length ? lineStarts[line + 1] : text.length;
    const source = text.slice(start, end);
    if (source.trim()) readJson(source, start, values, { context });
  }
}
