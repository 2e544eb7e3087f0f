// A line-level parser of the Prisma schema language (no tree-sitter grammar ships in the wasm
// bundle). Prisma's syntax is line-oriented: blocks `model X {` ... `}`, one field per line
// (`name Type? @attr(...)`), `//` comments and `///` documentation. That is all the model facts
// need; anything else inside a block is counted as a syntax error, never thrown.

import type { CommentFact, FieldFixSite, ModelFact, ModelFieldFact } from '../../model/facts';
import type { Range } from '../../model/types';

export interface PrismaSchema {
  models: ModelFact[];
  comments: CommentFact[];
  enums: string[];
  syntaxErrors: number;
}

type BlockKind = 'model' | 'type' | 'view' | 'enum' | 'generator' | 'datasource';

const BLOCK_START = /^(model|type|view|enum|generator|datasource)\s+([A-Za-z_][\w]*)\s*\{\s*(\})?$/;
const FIELD = /^([A-Za-z_][\w]*)\s+([A-Za-z_][\w]*(?:\s*\([^)]*\))?)(\[\])?(\?)?(?:\s+(.*))?$/;
const SCALARS = new Set(['String', 'Boolean', 'Int', 'BigInt', 'Float', 'Decimal', 'DateTime', 'Json', 'Bytes', 'Unsupported']);
const ENCRYPTED_DOC = /@encrypted\b/;
/**
 * A field's own comment saying it holds positions in another list (`diagnosisCodes String[] //
 * Pointers to claim diagnosis codes`, a claim line's diagnosis pointers as X12 837 defines them):
 * it stores indexes, not the values they point at.
 */
const POINTER_DOC = /\b(?:pointers?|indexes|indices|index|positions?)\s+(?:to|into|in)\b/i;

interface LineParts {
  code: string;
  codeStart: number;
  comment?: string;
  commentStart: number;
}

/** Splits a line into code and comment, ignoring `//` inside string literals (`@default("http://x")`). */
function splitLine(line: string): LineParts {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '/' && line[i + 1] === '/') {
      const code = line.slice(0, i);
      return { code: code.trim(), codeStart: code.length - code.trimStart().length, comment: line.slice(i).trimEnd(), commentStart: i };
    }
  }
  return { code: line.trim(), codeStart: line.length - line.trimStart().length, commentStart: line.length };
}

export function parsePrismaSchema(text: string): PrismaSchema {
  const lines = text.split(/\r\n|\r|\n/);
  const models: ModelFact[] = [];
  const comments: CommentFact[] = [];
  const enums: string[] = [];
  let syntaxErrors = 0;
  let block: { kind: BlockKind; model?: ModelFact } | undefined;
  /** `///` lines directly above the current line. */
  let pendingDocs: string[] = [];

  for (let row = 0; row < lines.length; row++) {
    const line = lines[row];
    const parts = splitLine(line);
    if (parts.comment !== undefined) {
      comments.push({
        text: parts.comment,
        range: { start: { line: row, character: parts.commentStart }, end: { line: row, character: parts.commentStart + parts.comment.length } },
        trailing: parts.code !== '',
      });
    }
    const { code } = parts;
    if (code === '') {
      if (parts.comment?.startsWith('///')) pendingDocs.push(parts.comment);
      else pendingDocs = [];
      continue;
    }
    const docs = pendingDocs;
    pendingDocs = [];

    if (!block) {
      const start = BLOCK_START.exec(code);
      if (!start) {
        syntaxErrors++;
        continue;
      }
      const kind = start[1] as BlockKind;
      if (kind === 'enum') enums.push(start[2]);
      if (start[3]) continue;
      const model: ModelFact | undefined =
        kind === 'model' || kind === 'type' || kind === 'view'
          ? { orm: 'prisma', name: start[2], range: { start: { line: row, character: parts.codeStart }, end: { line: row, character: line.length } }, fields: [] }
          : undefined;
      if (model) models.push(model);
      block = { kind, model };
      continue;
    }
    if (code === '}') {
      if (block.model) block.model.range.end = { line: row, character: parts.codeStart + 1 };
      block = undefined;
      continue;
    }
    if (!block.model) continue; // enum values, generator / datasource settings
    if (code.startsWith('@@')) continue;
    const field = FIELD.exec(code);
    if (!field) {
      syntaxErrors++;
      continue;
    }
    block.model.fields.push(fieldFact(row, line, parts, field, docs));
  }
  if (block) syntaxErrors++;

  // Fields whose type is a model, a composite type or an enum are relations / embedded values.
  const named = new Set([...models.map((model) => model.name), ...enums]);
  for (const model of models) {
    for (const field of model.fields) {
      const base = field.type.replace(/[[\]?]/g, '');
      if (named.has(base) || !SCALARS.has(base.replace(/\s*\(.*$/, ''))) field.relation = true;
    }
  }
  return { models, comments, enums, syntaxErrors };
}

function fieldFact(row: number, line: string, parts: LineParts, match: RegExpExecArray, docs: string[]): ModelFieldFact {
  const [, name, baseType, list, optional, attributes = ''] = match;
  const typeText = `${baseType}${list ?? ''}${optional ?? ''}`;
  const typeStart = parts.codeStart + parts.code.indexOf(baseType, name.length);
  const typeRange: Range = { start: { line: row, character: typeStart }, end: { line: row, character: typeStart + typeText.length } };
  const codeEnd = parts.codeStart + parts.code.length;
  const trailingDoc = parts.comment?.startsWith('///') ? parts.comment : undefined;
  const encrypted = [...docs, trailingDoc ?? ''].some((doc) => ENCRYPTED_DOC.test(doc));
  const fix: FieldFixSite = {
    kind: 'prisma-doc',
    line: row,
    lineEnd: { line: row, character: codeEnd },
    trailingComment: parts.comment !== undefined,
    indent: line.slice(0, parts.codeStart),
  };
  return {
    name,
    columnName: /@map\(\s*(?:name\s*:\s*)?"([^"]*)"/.exec(attributes)?.[1],
    type: typeText,
    typeRange,
    range: { start: { line: row, character: parts.codeStart }, end: { line: row, character: codeEnd } },
    names: [],
    encryptedBy: encrypted ? '/// @encrypted' : undefined,
    relation: /@relation\b/.test(attributes) || [...docs, parts.comment ?? ''].some((doc) => POINTER_DOC.test(doc)),
    fix,
  };
}
