// Python's second pass: persistence models (SQLAlchemy declarative and 2.0 `Mapped`, Core
// `Table`, SQLModel `table=True`, Django ORM), and the string literals of literals.ts in the same
// walk over the chunk, so the flow visitor (extract.ts) stays about flow.

import type { Node } from 'web-tree-sitter';
import type { FieldFixSite, ModelFact, ModelFieldFact, OrmKind, StringLiteralFact } from '../../model/facts';
import { endOf, rangeOf, startOf, type Range } from '../../model/ranges';
import { nodesOfTypes } from '../../parsing/node-query';
import type { ModelsAndLiterals } from '../context';
import { lastSegment, namesIn, realChildren } from '../syntax';
import { stringLiteral } from './literals';
import { keywordValue, positionalArgs, staticString } from './syntax';

/** The node types the second pass looks at (keep in sync with its switch). */
export const VISITED_TYPES = new Set(['class_definition', 'call', 'string']);
const NAME_TYPES = new Set(['identifier']);
const SQLALCHEMY_COLUMNS = new Set(['Column', 'mapped_column']);
const DJANGO_RELATIONS = new Set(['ForeignKey', 'OneToOneField', 'ManyToManyField', 'GenericForeignKey', 'GenericRelation', 'ParentalKey', 'ParentalManyToManyField']);
const NOT_A_TYPE = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'CheckConstraint', 'FetchedValue', 'DefaultClause']);

/** The models and credential-shaped literals of one top-level statement. */
export function extractPythonModelsAndLiterals(chunk: Node, text: string): ModelsAndLiterals {
  const models: ModelFact[] = [];
  const literals: StringLiteralFact[] = [];
  for (const node of nodesOfTypes(chunk, VISITED_TYPES)) {
    switch (node.type) {
      case 'class_definition': {
        const model = classModel(node);
        if (model) models.push(model);
        break;
      }
      case 'call': {
        const model = coreTable(node);
        if (model) models.push(model);
        break;
      }
      case 'string': {
        const literal = stringLiteral(node, text);
        if (literal) literals.push(literal);
      }
    }
  }
  return { models, literals };
}

interface ClassInfo {
  sqlModelTable: boolean;
  django: boolean;
}

function classModel(node: Node): ModelFact | undefined {
  const name = node.childForFieldName('name')?.text ?? '';
  const supers = node.childForFieldName('superclasses');
  const supersText = supers?.text ?? '';
  const info: ClassInfo = {
    sqlModelTable: /\bSQLModel\b/.test(supersText) && /\btable\s*=\s*True\b/.test(supersText),
    django: /Model\b/.test(supersText) && !/\b(BaseModel|Schema|Serializer|Form|ModelForm|ModelSerializer|ModelSchema|ModelAdmin)\b/.test(supersText),
  };
  const body = node.childForFieldName('body');
  if (!body) return undefined;
  const fields: ModelFieldFact[] = [];
  let orm: OrmKind | undefined;
  for (const statement of body.namedChildren) {
    if (!statement || statement.type !== 'expression_statement') continue;
    const assignment = statement.namedChildren[0];
    if (!assignment || assignment.type !== 'assignment') continue;
    const found = classField(assignment, info);
    if (!found) continue;
    fields.push(found.field);
    orm ??= found.orm;
  }
  if (!orm || fields.length === 0) return undefined;
  return { orm, name, range: rangeOf(node), fields };
}

function classField(assignment: Node, info: ClassInfo): { field: ModelFieldFact; orm: OrmKind } | undefined {
  const left = assignment.childForFieldName('left');
  if (!left || left.type !== 'identifier') return undefined;
  const annotation = assignment.childForFieldName('type');
  const right = assignment.childForFieldName('right');
  const name = left.text;
  const declaration = rangeOf(assignment);

  if (!right) {
    if (!annotation || /^ClassVar\b/.test(annotation.text)) return undefined;
    const mapped = /^Mapped\s*\[/.test(annotation.text);
    if (!mapped && !info.sqlModelTable) return undefined;
    const field = annotatedField(name, annotation, declaration, { kind: 'add-value', at: endOf(annotation), call: mapped ? 'mapped_column' : 'Field' });
    return { field, orm: mapped ? 'sqlalchemy' : 'sqlmodel' };
  }

  if (right.type !== 'call') {
    // SQLModel `diagnosis: Optional[str] = None`: a column with a default.
    if (!info.sqlModelTable || !annotation || /^ClassVar\b/.test(annotation.text)) return undefined;
    const field = annotatedField(name, annotation, declaration, { kind: 'replace-default', range: rangeOf(right), defaultText: right.text });
    return { field, orm: 'sqlmodel' };
  }
  const names = namesIn(right, NAME_TYPES);
  if (annotation) namesIn(annotation, NAME_TYPES, names);
  // `encrypt(models.CharField(...))` and other wrappers: the field is the wrapped call.
  let call = right;
  const calleeText = right.childForFieldName('function')?.text ?? '';
  const firstArg = positionalArgs(right)[0];
  const wrapped = firstArg?.type === 'call' && /encrypt/i.test(lastSegment(calleeText));
  if (wrapped) call = firstArg;
  const callee = lastSegment(call.childForFieldName('function')?.text ?? '');
  const args = call.childForFieldName('arguments');

  if (SQLALCHEMY_COLUMNS.has(callee)) {
    const column = columnCall(call, annotation);
    return {
      field: { name, columnName: column.columnName, type: column.type, typeRange: column.typeRange, range: declaration, names, relation: column.relation, fix: column.fix },
      orm: info.sqlModelTable ? 'sqlmodel' : 'sqlalchemy',
    };
  }
  if (callee === 'Field' && info.sqlModelTable && args) {
    const saColumn = keywordValue(args, 'sa_column');
    let fix: FieldFixSite | undefined;
    if (saColumn?.type === 'call') fix = columnCall(saColumn, annotation).fix;
    else if (!keywordValue(args, 'sa_type')) fix = { kind: 'add-keyword', at: closingParen(args), hasArgs: realChildren(args).length > 0 };
    const typeNode = annotation ?? call;
    return {
      field: {
        name,
        columnName: staticString(keywordValue(args, 'sa_column_name')),
        type: typeNode.text,
        typeRange: rangeOf(typeNode),
        range: declaration,
        names,
        relation: !!keywordValue(args, 'foreign_key'),
        fix,
      },
      orm: 'sqlmodel',
    };
  }
  const calleePath = call.childForFieldName('function')?.text ?? '';
  if (callee.endsWith('Field') && callee !== 'Field' && (calleePath.startsWith('models.') || info.django)) {
    return {
      field: {
        name,
        columnName: args ? staticString(keywordValue(args, 'db_column')) : undefined,
        type: calleePath,
        typeRange: rangeOf(call),
        range: declaration,
        names,
        relation: DJANGO_RELATIONS.has(callee),
        fix: wrapped ? undefined : { kind: 'wrap-call', range: rangeOf(call) },
      },
      orm: 'django',
    };
  }
  if (callee === 'ForeignKey' && calleePath.startsWith('models.')) {
    return { field: { name, type: calleePath, typeRange: rangeOf(call), range: declaration, names, relation: true }, orm: 'django' };
  }
  return undefined;
}

/** A field declared by its annotation alone (`ssn: Mapped[str]`, SQLModel `ssn: str = None`). */
function annotatedField(name: string, annotation: Node, declaration: Range, fix: FieldFixSite): ModelFieldFact {
  return {
    name,
    type: annotation.text,
    typeRange: rangeOf(annotation),
    range: declaration,
    names: namesIn(annotation, NAME_TYPES),
    relation: isRelationAnnotation(annotation.text),
    fix,
  };
}

interface ColumnInfo {
  columnName?: string;
  type: string;
  typeRange: ReturnType<typeof rangeOf>;
  relation: boolean;
  fix?: FieldFixSite;
}

/** `Column("ssn", String(11), ForeignKey(...), nullable=False)` and `mapped_column(...)`. */
function columnCall(call: Node, annotation: Node | null): ColumnInfo {
  const args = call.childForFieldName('arguments');
  const positional = positionalArgs(call);
  let columnName: string | undefined;
  let typeNode: Node | undefined;
  let relation = false;
  for (const arg of positional) {
    if (arg.type === 'string') {
      columnName ??= staticString(arg);
      continue;
    }
    const callee = arg.type === 'call' ? lastSegment(arg.childForFieldName('function')?.text ?? '') : '';
    if (callee === 'ForeignKey') relation = true;
    if (NOT_A_TYPE.has(callee)) continue;
    typeNode ??= arg;
  }
  if (typeNode) return { columnName, type: typeNode.text, typeRange: rangeOf(typeNode), relation, fix: { kind: 'wrap-type', range: rangeOf(typeNode) } };
  const fallback = annotation ?? call;
  const fix: FieldFixSite | undefined = args && !relation ? { kind: 'insert-type', at: openingParen(args), hasArgs: realChildren(args).length > 0 } : undefined;
  return { columnName, type: annotation?.text ?? call.text, typeRange: rangeOf(fallback), relation, fix };
}

/** SQLAlchemy Core: `Table("patients", metadata, Column("ssn", String), ...)`. */
function coreTable(node: Node): ModelFact | undefined {
  const callee = lastSegment(node.childForFieldName('function')?.text ?? '');
  if (callee !== 'Table') return undefined;
  const args = positionalArgs(node);
  const tableName = staticString(args[0]);
  if (tableName === undefined) return undefined;
  const fields: ModelFieldFact[] = [];
  for (const arg of args) {
    if (arg.type !== 'call' || lastSegment(arg.childForFieldName('function')?.text ?? '') !== 'Column') continue;
    const column = columnCall(arg, null);
    if (column.columnName === undefined) continue;
    fields.push({
      name: column.columnName,
      type: column.type,
      typeRange: column.typeRange,
      range: rangeOf(arg),
      names: namesIn(arg, NAME_TYPES),
      relation: column.relation,
      fix: column.fix,
    });
  }
  return fields.length ? { orm: 'sqlalchemy', name: tableName, range: rangeOf(node), fields } : undefined;
}

function isRelationAnnotation(annotation: string): boolean {
  // `Mapped[List["Visit"]]`, `Mapped["Patient"]`: relationships, not stored values.
  return /\b(List|list|Set|set)\s*\[/.test(annotation) || /\[\s*["']/.test(annotation);
}

function openingParen(args: Node): { line: number; character: number } {
  const start = startOf(args);
  return { line: start.line, character: start.character + 1 };
}

function closingParen(args: Node): { line: number; character: number } {
  const end = endOf(args);
  return { line: end.line, character: Math.max(0, end.character - 1) };
}

