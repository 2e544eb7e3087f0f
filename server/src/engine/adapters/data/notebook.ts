// Jupyter notebooks (nbformat 4): the string literals of code cells, read with the Python adapter
// as in a `.py` file, and the outputs: text (a printed DataFrame is a table: its header line names
// the columns), HTML tables (`<th>` headers, `<td>` cells) and `application/json`. Values are
// reported at the line of the notebook's JSON text that holds them, `where` naming the cell and
// output; `cellOutputs` is the cell's `outputs` array, which a fix may empty.

import { parseTree, type Node as JsonNode } from 'jsonc-parser/lib/esm/main.js';
import type { Range } from '../../model/ranges';
import { positionAt } from '../../model/text';
import { parse } from '../../parsing/parsers';
import { extractPythonModelsAndLiterals } from '../python/models';
import { MAX_JSON_DEPTH, nestsDeeperThan, readJsonNode } from './json';
import type { DataValues } from './values';

/** One string of the notebook (a line of a cell's source or output) and where it is in the file. */
interface Piece {
  text: string;
  /** Offset of its JSON string node in the notebook. */
  offset: number;
  length: number;
}

export function readNotebook(text: string, lineStarts: readonly number[], values: DataValues, context: string[]): void {
  if (nestsDeeperThan(text, MAX_JSON_DEPTH)) return;
  const root = parseTree(text, [], { allowTrailingComma: true });
  const cells = root && property(root, 'cells');
  if (!cells || cells.type !== 'array') return;
  const generated = /(?:given|family|first_?name|last_?name)\W{1,6}[A-Za-z]+\d{2,}|synthetichealth/.test(text);
  const baseContext = generated ? [...context, 'synthetic'] : context;
  (cells.children ?? []).forEach((cell, index) => {
    const where = `cell ${index + 1}`;
    const cellType = property(cell, 'cell_type')?.value;
    const source = property(cell, 'source');
    if (cellType === 'code' && source) readCellSource(pieces(source), values, baseContext, where);
    const outputs = property(cell, 'outputs');
    if (!outputs || outputs.type !== 'array') return;
    const cellOutputs: Range = { start: positionAt(lineStarts, outputs.offset), end: positionAt(lineStarts, outputs.offset + outputs.length) };
    (outputs.children ?? []).forEach((output, outputIndex) => {
      const fields = { context: baseContext, where: `${where}, output ${outputIndex + 1}`, cellOutputs };
      const stream = property(output, 'text');
      if (stream) readTextOutput(pieces(stream), values, fields);
      const data = property(output, 'data');
      if (!data) return;
      const plain = property(data, 'text/plain');
      const html = property(data, 'text/html');
      if (html) readHtmlTables(pieces(html), values, fields);
      else if (plain) readTextOutput(pieces(plain), values, fields);
      const json = property(data, 'application/json');
      if (json) readJsonNode(json, 0, text, values, fields);
    });
  });
}

function property(object: JsonNode, name: string): JsonNode | undefined {
  if (object.type !== 'object') return undefined;
  return object.children?.find((child) => child.children?.[0]?.value === name)?.children?.[1];
}

/** A multiline string of nbformat: one string, or a list of lines. */
function pieces(node: JsonNode): Piece[] {
  const strings = node.type === 'array' ? (node.children ?? []) : [node];
  return strings.filter((child) => child.type === 'string').map((child) => ({ text: String(child.value), offset: child.offset, length: child.length }));
}

interface OutputFields {
  context: string[];
  where: string;
  cellOutputs?: Range;
}

/** Adds a value found in a piece: reported at the piece's line, never rewritten in place. */
function addAt(values: DataValues, piece: Piece, value: string, key: string | undefined, siblingKeys: readonly string[] | undefined, fields: OutputFields): void {
  values.add(value, piece.offset, piece.offset + piece.length, { key, siblingKeys, ...fields }, false);
}

/** The joined text of the pieces, and which piece each of its lines came from. */
function joinLines(list: Piece[]): { line: string; piece: Piece }[] {
  const lines: { line: string; piece: Piece }[] = [];
  for (const piece of list) {
    for (const line of piece.text.split(/\r?\n/)) if (line.trim()) lines.push({ line, piece });
  }
  return lines;
}

function readCellSource(list: Piece[], values: DataValues, context: string[], where: string): void {
  const source = list.map((piece) => piece.text).join('');
  if (!source.trim() || source.length > 1_000_000) return;
  // Which piece each line of the joined source is in.
  const pieceOfLine: Piece[] = [];
  for (const piece of list) {
    const breaks = piece.text.split('\n').length - 1;
    for (let i = 0; i < Math.max(1, breaks + (piece.text.endsWith('\n') ? 0 : 1)); i++) pieceOfLine.push(piece);
  }
  // IPython magics and shell escapes are not Python: blanked, line count kept.
  const python = source.replace(/^[ \t]*[%!].*$/gm, '');
  const tree = parse('python', python);
  try {
    const { literals } = extractPythonModelsAndLiterals(tree.rootNode, python);
    for (const literal of literals) {
      const piece = pieceOfLine[literal.range.start.line] ?? list[list.length - 1];
      const target = literal.target?.split('.') ?? [];
      const key = target.length > 0 ? target[target.length - 1] : undefined;
      const recordNames = [...context, ...(literal.record ? [literal.record] : []), ...target.slice(0, -1)];
      values.add(literal.value, piece.offset, piece.offset + piece.length, { key, context: recordNames, siblingKeys: literal.siblingKeys, where }, false);
    }
  } finally {
    tree.delete();
  }
}

const DICT_ENTRY = /['"]?([A-Za-z_][\w ]{0,40}?)['"]?\s*[:=]\s*['"]?([^'",}{\n]{4,80}?)['"]?\s*(?=[,}\n]|$)/g;
const BARE_IDENTIFIER = /\b\d{3}-\d{2}-\d{4}\b|\b[1-9][A-Z][A-Z0-9]\d-[A-Z][A-Z0-9]\d-[A-Z]{2}\d{2}\b/g;

/** Printed output: a DataFrame table (header line, then rows), printed dicts, or bare identifiers. */
function readTextOutput(list: Piece[], values: DataValues, fields: OutputFields): void {
  const lines = joinLines(list);
  const header = lines[0]?.line.trim().split(/\s{2,}/) ?? [];
  let tableRows = 0;
  if (header.length >= 2) {
    for (const { line, piece } of lines.slice(1)) {
      const cells = line.trim().split(/\s{2,}/);
      const row = cells.length === header.length + 1 ? cells.slice(1) : cells.length === header.length ? cells : undefined;
      if (!row) continue;
      tableRows++;
      row.forEach((cell, column) => addAt(values, piece, cell, header[column], header, fields));
    }
  }
  if (tableRows > 0) return;
  for (const { line, piece } of lines) {
    const entries = [...line.matchAll(DICT_ENTRY)];
    const keys = entries.map((entry) => entry[1].trim());
    for (const entry of entries) addAt(values, piece, entry[2].trim(), entry[1].trim(), keys, fields);
    if (entries.length === 0) for (const match of line.matchAll(BARE_IDENTIFIER)) addAt(values, piece, match[0], undefined, undefined, fields);
  }
}

/** `<table>`s of an HTML output (pandas' `to_html`): header cells name the columns of the rows below. */
function readHtmlTables(list: Piece[], values: DataValues, fields: OutputFields): void {
  // Offsets in the joined HTML, back to pieces.
  const starts: number[] = [];
  let html = '';
  for (const piece of list) {
    starts.push(html.length);
    html += piece.text;
  }
  const pieceAt = (offset: number): Piece => {
    let index = 0;
    while (index + 1 < starts.length && starts[index + 1] <= offset) index++;
    return list[index];
  };
  for (const table of html.matchAll(/<table[\s\S]*?<\/table>/gi)) {
    let header: string[] | undefined;
    for (const row of table[0].matchAll(/<tr[^>]*>([\s\S]*?)<\/tr>/gi)) {
      const cells = [...row[1].matchAll(/<t([hd])[^>]*>([\s\S]*?)<\/t[hd]>/gi)].map((cell) => ({
        header: cell[1].toLowerCase() === 'h',
        text: decodeEntities(cell[2].replace(/<[^>]*>/g, '')).trim(),
        offset: (table.index ?? 0) + (row.index ?? 0) + row[0].indexOf('>') + 1 + (cell.index ?? 0),
      }));
      if (!header && cells.length > 0 && cells.every((cell) => cell.header)) {
        header = cells.map((cell) => cell.text);
        continue;
      }
      if (!header) continue;
      // Rows may lead with an index cell the header row leaves blank: align from the right.
      const shift = header.length - cells.length;
      cells.forEach((cell, column) => {
        const key = header![column + shift];
        if (cell.text && key) addAt(values, pieceAt(cell.offset), cell.text, key, header, fields);
      });
    }
  }
}

function decodeEntities(text: string): string {
  return text.replace(/&nbsp;/g, ' ').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
}
