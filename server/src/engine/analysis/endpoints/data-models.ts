// The Python data models of a module (SQLAlchemy and Django models, pydantic and SQLModel
// schemas) whose names carry a resource word (`PatientProblemList`, `AllergyType`, also one of
// kinds such as `PatientType`): their fields
// as written, with the fields of the module's own bases merged in. Read from the text with small
// patterns (names and field definitions only, never values), so that the workspace pre-pass can
// list them for every module and an endpoint can be judged by what its models hold rather than
// by their names (reference-models.ts).

import type { DataModel } from '../../model/audit-context';
import { namesKindsOf, resourcesOf } from './resources';

/** Bases a model may stand on without losing sight of its fields (`Base`, `BaseModel`, `db.Model`). */
const ROOT_BASES = new Set([
  'object', 'Base', 'BaseModel', 'Model', 'SQLModel', 'DeclarativeBase', 'Schema', 'ModelSchema', 'TypedDict', 'Document',
  'EmbeddedDocument', 'Struct',
]);
const CLASS_LINE = /^class\s+([A-Za-z_]\w*)\s*(?:\(([^)]*)\)?)?\s*:?/;
const FIELD_LINE = /^([A-Za-z_]\w*)\s*(:[^=]*)?(=.*)?$/;
/** Class attributes that configure the model rather than declare a field. */
const SETTINGS = new Set(['model_config', 'objects', 'Config', 'Meta']);
/** A model with more fields than this is no lookup table: its fields are not kept. */
const MAX_FIELDS = 64;
/** Characters of a field's definition kept (what it references is at its start). */
const MAX_FIELD_TEXT = 240;

interface ClassText {
  name: string;
  bases: string[];
  /** A base list this reader cannot split (spread over lines). */
  unreadBases: boolean;
  fields: { name: string; text: string }[];
}

/** The data models of a Python module whose names carry a resource word. */
export function dataModelsOf(file: string, text: string): DataModel[] {
  const classes = classesOf(text);
  const byName = new Map(classes.map((entry) => [entry.name, entry]));
  const models: DataModel[] = [];
  for (const entry of classes) {
    if (!resourcesOf(entry.name).length && !namesKindsOf(entry.name)) continue;
    const merged = mergedFields(entry, byName, new Set());
    // A model whose fields are not all known is never a lookup table: its fields are not kept (the context goes to every scan worker).
    const open = merged.open || merged.fields.length > MAX_FIELDS;
    models.push({ file, name: entry.name, fields: open ? [] : merged.fields, open });
  }
  return models;
}

/** The fields of a class and of its bases in the module; `open` when a base is out of sight. */
function mergedFields(entry: ClassText, byName: Map<string, ClassText>, seen: Set<string>): { fields: ClassText['fields']; open: boolean } {
  seen.add(entry.name);
  let open = entry.unreadBases;
  const fields: ClassText['fields'] = [];
  for (const base of entry.bases) {
    const own = byName.get(base);
    if (own && !seen.has(base)) {
      const inherited = mergedFields(own, byName, seen);
      open ||= inherited.open;
      fields.push(...inherited.fields);
    } else if (!ROOT_BASES.has(base)) open = true;
  }
  for (const field of entry.fields) {
    const at = fields.findIndex((known) => known.name === field.name);
    if (at >= 0) fields.splice(at, 1);
    fields.push(field);
  }
  return { fields, open };
}

/** The module's top-level classes with the fields declared at their body's first indentation. */
function classesOf(text: string): ClassText[] {
  const lines = text.split('\n');
  const classes: ClassText[] = [];
  for (let index = 0; index < lines.length; index++) {
    const header = CLASS_LINE.exec(lines[index]);
    if (!header) continue;
    const basesText = header[2] ?? '';
    const unreadBases = lines[index].includes('(') && !lines[index].includes(')');
    const bases = basesText
      .split(',')
      .map((base) => base.trim())
      .filter((base) => base.length > 0 && !base.includes('='))
      .map((base) => base.replace(/\[.*$/, '').split('.').pop() ?? base);
    const entry: ClassText = { name: header[1], bases, unreadBases, fields: [] };
    index = readBody(lines, index + 1, entry) - 1;
    classes.push(entry);
  }
  return classes;
}

/** Reads a class body from `start`; returns the index of the first line after it. */
function readBody(lines: string[], start: number, entry: ClassText): number {
  let indent: number | undefined;
  let current: { name: string; text: string } | undefined;
  let docstring: string | undefined;
  let index = start;
  for (; index < lines.length; index++) {
    const line = lines[index].replace(/\r$/, '');
    const trimmed = line.trim();
    if (docstring) {
      if (trimmed.includes(docstring)) docstring = undefined;
      continue;
    }
    if (!trimmed || trimmed.startsWith('#')) continue;
    const depth = line.length - line.trimStart().length;
    if (depth === 0) break;
    indent ??= depth;
    if (depth > indent) {
      // A field's definition continued (`relationship(\n "X", ...)`), or a method's body.
      if (current && current.text.length < MAX_FIELD_TEXT) current.text += ` ${trimmed}`;
      continue;
    }
    current = undefined;
    const quote = /^[rRbBuU]?("""|''')/.exec(trimmed);
    if (quote) {
      if (!trimmed.slice(quote[0].length).includes(quote[1])) docstring = quote[1];
      continue;
    }
    const field = FIELD_LINE.exec(trimmed);
    if (!field || (!field[2] && !field[3]) || field[1].startsWith('__') || SETTINGS.has(field[1])) continue;
    current = { name: field[1], text: `${field[2] ?? ''}${field[3] ?? ''}` };
    entry.fields.push(current);
  }
  return index;
}
