// Incremental fact extraction (docs/architecture.md, "Inside the engine"). A file's facts are the merge of the facts
// of its top-level statements ("chunks"), and a chunk whose text is the same as at the last
// analysis is not extracted again: its facts are reused, moved to the chunk's new line and
// offset. Extraction crosses into WebAssembly for every node it reads, which made it most of the
// cost of a keystroke; now a keystroke costs the statement it touched.

import type { Node } from 'web-tree-sitter';
import type { FileFacts, Language } from '../model/facts';
import { importOf } from '../model/facts-index';
import { rangeOf, type Position, type Range } from '../model/ranges';
import type { ParsedDocument } from '../parsing/parsed-document';
import { newFlowFacts, type FlowFacts, type ModelsAndLiterals } from './context';
import { queryTogether } from '../parsing/node-query';
import { extractPythonFacts, VISITED_TYPES as PYTHON_FLOW_TYPES } from './python/extract';
import { extractPythonModelsAndLiterals, VISITED_TYPES as PYTHON_MODEL_TYPES } from './python/models';
import { extractTypeScriptFacts, VISITED_TYPES as TYPESCRIPT_FLOW_TYPES } from './typescript/extract';
import { extractTypeScriptModelsAndLiterals, finishTypeScriptModels, VISITED_TYPES as TYPESCRIPT_MODEL_TYPES, type TypeScriptModelsAndLiterals } from './typescript/models';

// extractChunk asks a chunk for its flow nodes, then for its model and literal nodes: one search
// of the chunk serves both.
queryTogether(PYTHON_FLOW_TYPES, PYTHON_MODEL_TYPES);
queryTogether(TYPESCRIPT_FLOW_TYPES, TYPESCRIPT_MODEL_TYPES);

interface ChunkFacts {
  flow: FlowFacts;
  models: ModelsAndLiterals | TypeScriptModelsAndLiterals;
  /** An import, a comment or the docstring: the statements before the first code of a Python module. */
  leading: boolean;
}

interface CachedChunk {
  key: string;
  /** The key's two parts: where the chunk sits on its lines, and the text of its lines. */
  head: string;
  body: string;
  facts: ChunkFacts;
  startRow: number;
  startIndex: number;
}

/** The facts of one document's chunks at its last analysis, by what they depend on. */
export class ChunkCache {
  private chunks = new Map<string, CachedChunk>();
  /**
   * The same chunks by the line they start on. Chunks with the same text (a repeated import, a
   * copied handler) have one key; each is reused from its own line, not copied from another
   * copy's, which would move every position of it on every keystroke.
   */
  private byRow = new Map<number, CachedChunk[]>();

  extract(document: ParsedDocument): FileFacts {
    const { text, languageId } = document;
    const language: Language = languageId === 'python' ? 'python' : 'ts';
    const lineStarts = document.lineStarts;
    const root = document.tree.rootNode;
    const current = new Map<string, CachedChunk>();
    const currentByRow = new Map<number, CachedChunk[]>();
    const chunks: ChunkFacts[] = [];
    // A child's start and position come with it from WebAssembly; anything else is one more
    // call per child. Where it ends is bounded by where the next one starts.
    const children = root.children.filter((child): child is Node => !!child);
    const mayHaveErrors = root.hasError;
    for (let i = 0; i < children.length; i++) {
      const node = children[i];
      const startRow = node.startPosition.row;
      const startIndex = node.startIndex;
      // Error recovery makes a broken statement's tree depend on the text after it: only
      // statements that parsed cleanly are the same tree whenever their text is the same.
      if (mayHaveErrors && node.hasError) {
        chunks.push(extractChunk(language, node, text));
        continue;
      }
      const next = children[i + 1];
      // In a broken file the same text may be cut into different fragments: the key says where
      // the chunk ends. Only whitespace separates it from the next one in a clean tree, so
      // there the end is found without asking WebAssembly.
      const end = mayHaveErrors ? node.endIndex : endBefore(text, next?.startIndex ?? text.length, startIndex);
      const { head, from, to } = chunkKey(root.type, text, lineStarts, startIndex, startRow, end, next?.startIndex, next?.startPosition.row);
      // The chunk that was on this line is compared in place; a key (a copy of the chunk's text,
      // hashed) is made only for a chunk that changed or moved.
      const same = this.byRow.get(startRow)?.find((chunk) => chunk.head === head && chunk.body.length === to - from && text.startsWith(chunk.body, from));
      const body = same?.body ?? text.slice(from, to);
      const key = same?.key ?? head + body;
      const cached = same ?? current.get(key) ?? this.chunks.get(key);
      const facts = cached
        ? relocate(cached.facts, startRow - cached.startRow, startIndex - cached.startIndex)
        : extractChunk(language, node, text);
      const entry = { key, head, body, facts, startRow, startIndex };
      if (!current.has(key)) current.set(key, entry);
      const onRow = currentByRow.get(startRow);
      if (onRow) onRow.push(entry);
      else currentByRow.set(startRow, [entry]);
      chunks.push(facts);
    }
    // Only this version's chunks are kept: the cache never outgrows the document.
    this.chunks = current;
    this.byRow = currentByRow;
    return merge(language, document, rangeOf(root), chunks);
  }
}

/**
 * What a chunk's facts depend on: its own text, the rest of its first and last lines (a comment
 * is trailing when code precedes it; a statement is alone on its lines or not), and the type of
 * the root (a broken file's root is an ERROR node, not a module: its imports are not top-level).
 * The chunk ends before the next one starts: the key runs to the start of the next one's line,
 * or through that line when the two share it.
 */
function chunkKey(
  rootType: string,
  text: string,
  lineStarts: readonly number[],
  startIndex: number,
  startRow: number,
  endIndex: number,
  nextIndex: number | undefined,
  nextRow: number | undefined,
): { head: string; from: number; to: number } {
  const from = lineStarts[startRow] ?? startIndex;
  let to = text.length;
  if (nextIndex !== undefined && nextRow !== undefined) {
    const nextLineStart = lineStarts[nextRow] ?? nextIndex;
    const ownLine = nextLineStart > startIndex && text.slice(nextLineStart, nextIndex).trim() === '';
    to = ownLine ? nextLineStart : (lineStarts[nextRow + 1] ?? text.length);
  }
  return { head: `${rootType}:${startIndex - from}:${endIndex - from}:`, from, to };
}

/** Where the text before `limit` stops being whitespace (not before `start`). */
function endBefore(text: string, limit: number, start: number): number {
  let end = limit;
  while (end > start && WHITESPACE.has(text.charCodeAt(end - 1))) end--;
  return end;
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d, 0x0c, 0x0b]);

function extractChunk(language: Language, node: Node, text: string): ChunkFacts {
  return language === 'python'
    ? { flow: extractPythonFacts(node, text), models: extractPythonModelsAndLiterals(node, text), leading: isLeadingStatement(node) }
    : { flow: extractTypeScriptFacts(node, text), models: extractTypeScriptModelsAndLiterals(node, text), leading: false };
}

const LEADING_STATEMENTS = new Set(['import_statement', 'import_from_statement', 'future_import_statement', 'comment']);

function isLeadingStatement(node: Node): boolean {
  if (LEADING_STATEMENTS.has(node.type)) return true;
  return node.type === 'expression_statement' && node.namedChildCount === 1 && node.firstNamedChild?.type === 'string';
}

/** Joins the chunks' facts in document order, renumbering their scopes. */
function merge(language: Language, document: ParsedDocument, moduleRange: Range, chunks: readonly ChunkFacts[]): FileFacts {
  const { languageId, text, lineStarts } = document;
  const facts: FileFacts = { language, languageId, text, lineStarts, ...newFlowFacts(moduleRange) };
  // Python fixes add their imports after the module's leading imports (PEP 8), never after code,
  // where an import a parser accepted by recovery (a mistyped `import X(Base):`) may open a block.
  let beforeCode = true;
  for (const { flow, leading } of chunks) {
    if (language === 'python' && !leading) beforeCode = false;
    // A chunk's scope k (k ≥ 1) is the file's scope base + k; 0 is the module in both.
    const base = facts.scopes.length - 1;
    const moved = renumbered(flow, base);
    for (let k = 1; k < moved.scopes.length; k++) facts.scopes.push(moved.scopes[k]);
    for (const binding of moved.bindings) facts.bindings.push(binding);
    for (const call of moved.calls) facts.calls.push(call);
    for (const thrown of moved.throws) facts.throws.push(thrown);
    for (const returned of moved.returns) facts.returns!.push(returned);
    facts.reexports!.push(...flow.reexports);
    if (flow.typeShapes) (facts.typeShapes ??= []).push(...flow.typeShapes);
    for (const field of moved.fieldTypes) (facts.fieldTypes ??= []).push(field);
    if (flow.defaultExportName) facts.defaultExportName = flow.defaultExportName;
    facts.imports.push(...flow.imports);
    facts.comments.push(...flow.comments);
    if (language !== 'python' || beforeCode) facts.importInsertLine = Math.max(facts.importInsertLine, flow.importInsertLine);
  }
  facts.literals = chunks.flatMap((chunk) => chunk.models.literals);
  if (language === 'python') {
    facts.models = chunks.flatMap((chunk) => chunk.models.models);
  } else {
    facts.models = finishTypeScriptModels(chunks.map((chunk) => chunk.models as TypeScriptModelsAndLiterals), importOf(facts, 'Column')?.module);
  }
  return facts;
}

/**
 * A chunk's facts with its scopes numbered from `base`, remembered per list: a keystroke seldom
 * changes how many scopes the chunks before it have, so an unchanged chunk's facts are the same
 * objects as at the last analysis instead of a copy of each (most of the garbage of a keystroke).
 * Per list, not per chunk: a chunk after the edit gets new bindings (their offsets moved) and
 * keeps the rest.
 */
const renumberings = new WeakMap<readonly object[], { base: number; list: readonly object[] }>();

function renumberedList<T extends object>(list: readonly T[], base: number, move: (item: T, id: (local: number) => number) => T): readonly T[] {
  const known = renumberings.get(list);
  if (known?.base === base) return known.list as readonly T[];
  const id = (local: number): number => (local === 0 ? 0 : local + base);
  const moved = list.map((item) => move(item, id));
  renumberings.set(list, { base, list: moved });
  return moved;
}

function renumbered(flow: FlowFacts, base: number) {
  const inScope = <T extends { scopeId: number }>(item: T, id: (local: number) => number): T => (item.scopeId === 0 ? item : { ...item, scopeId: id(item.scopeId) });
  return {
    scopes: renumberedList(flow.scopes, base, (scope, id) => (base === 0 ? scope : { ...scope, id: id(scope.id), parentId: scope.parentId === undefined ? undefined : id(scope.parentId) })),
    bindings: renumberedList(flow.bindings, base, inScope),
    calls: renumberedList(flow.calls, base, inScope),
    throws: renumberedList(flow.throws, base, inScope),
    returns: renumberedList(flow.returns, base, inScope),
    fieldTypes: flow.fieldTypes ? renumberedList(flow.fieldTypes, base, inScope) : [],
  };
}

/**
 * A chunk's facts moved down `rows` lines and along `offset` characters. Facts are never
 * modified after extraction, so what did not move is shared; shared objects stay shared (a call
 * is both a CallFact's and a binding's expression).
 */
function relocate(facts: ChunkFacts, rows: number, offset: number): ChunkFacts {
  if (rows === 0 && offset === 0) return facts;
  let moved = facts;
  if (rows !== 0) {
    moved = shiftRows(facts, rows, new Map()) as ChunkFacts;
    // A line number that is not a position: 0 says the chunk imports nothing.
    if (moved.flow.importInsertLine) moved.flow.importInsertLine += rows;
  }
  if (offset === 0) return moved;
  const bindings = moved.flow.bindings.map((binding) => ({ ...binding, offset: binding.offset + offset }));
  return { ...moved, flow: { ...moved.flow, bindings } };
}

function shiftRows(value: unknown, rows: number, copies: Map<object, unknown>): unknown {
  if (typeof value !== 'object' || value === null || value instanceof Map) return value;
  const existing = copies.get(value);
  if (existing) return existing;
  if (Array.isArray(value)) {
    const copy: unknown[] = [];
    copies.set(value, copy);
    for (const item of value) copy.push(shiftRows(item, rows, copies));
    return copy;
  }
  if (isPosition(value)) {
    const copy: Position = { line: value.line + rows, character: value.character };
    copies.set(value, copy);
    return copy;
  }
  const copy: Record<string, unknown> = {};
  copies.set(value, copy);
  for (const [key, item] of Object.entries(value)) copy[key] = shiftRows(item, rows, copies);
  return copy;
}

function isPosition(value: object): value is Position {
  const keys = Object.keys(value);
  return keys.length === 2 && typeof (value as Position).line === 'number' && typeof (value as Position).character === 'number';
}
