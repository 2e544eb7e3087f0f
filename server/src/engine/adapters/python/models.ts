// Python model pass: persistence models (SQLAlchemy declarative and 2.0 `Mapped`, Core `Table`,
// SQLModel `table=True`, Django ORM) and string literals that could be credentials. A second
// walk over the same tree, so the main adapter stays about flow.

import type { Node } from 'web-tree-sitter';
import type { FieldFixSite, ModelFact, ModelFieldFact, OrmKind, StringLiteralFact } from '../../model/facts';
import { aloneOnLines, endOf, forEachNodeOfTypes, lastSegment, mayBeCredential, namesIn, rangeOf, sourceRulesOutCredential, startOf } from '../model-pass';

/** The node types the model pass looks at (keep in sync with its switch). */
const VISITED_TYPES = new Set(['class_definition', 'call', 'string']);
const NAME_TYPES = new Set(['identifier']);
const MAX_CALL_ARGS = 32;
const SQLALCHEMY_COLUMNS = new Set(['Column', 'mapped_column']);
const DJANGO_RELATIONS = new Set(['ForeignKey', 'OneToOneField', 'ManyToManyField', 'GenericForeignKey', 'GenericRelation', 'ParentalKey', 'ParentalManyToManyField']);
const NOT_A_TYPE = new Set(['ForeignKey', 'Sequence', 'Identity', 'Computed', 'CheckConstraint', 'FetchedValue', 'DefaultClause']);

export interface ModelPassResult {
  models: ModelFact[];
  literals: StringLiteralFact[];
}

/** The models and credential-shaped literals of one top-level statement. */
export function extractPythonModelFacts(chunk: Node, text: string): ModelPassResult {
  const models: ModelFact[] = [];
  const literals: StringLiteralFact[] = [];
  forEachNodeOfTypes(chunk, VISITED_TYPES, (node) => {
    switch (node.type) {
      case 'class_definition': {
        const model = classModel(node);
        if (model) models.push(model);
        return;
      }
      case 'call': {
        const model = coreTable(node);
        if (model) models.push(model);
        return;
      }
      case 'string': {
        const literal = stringLiteral(node, text);
        if (literal) literals.push(literal);
      }
    }
  });
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
    const field: ModelFieldFact = {
      name,
      type: annotation.text,
      typeRange: rangeOf(annotation),
      range: declaration,
      names: namesIn(annotation, NAME_TYPES),
      relation: isRelationAnnotation(annotation.text),
      fix: { kind: 'add-value', at: endOf(annotation), call: mapped ? 'mapped_column' : 'Field' },
    };
    return { field, orm: mapped ? 'sqlalchemy' : 'sqlmodel' };
  }

  if (right.type !== 'call') {
    // SQLModel `diagnosis: Optional[str] = None`: a column with a default.
    if (!info.sqlModelTable || !annotation || /^ClassVar\b/.test(annotation.text)) return undefined;
    const field: ModelFieldFact = {
      name,
      type: annotation.text,
      typeRange: rangeOf(annotation),
      range: declaration,
      names: namesIn(annotation, NAME_TYPES),
      relation: isRelationAnnotation(annotation.text),
      fix: { kind: 'replace-default', range: rangeOf(right), defaultText: right.text },
    };
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
        columnName: stringValue(keywordValue(args, 'sa_column_name')),
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
        columnName: args ? stringValue(keywordValue(args, 'db_column')) : undefined,
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
      columnName ??= stringValue(arg);
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
  const tableName = stringValue(args[0]);
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

function realChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => !!child && child.type !== 'comment');
}

function positionalArgs(call: Node): Node[] {
  const args = call.childForFieldName('arguments');
  if (!args) return [];
  return realChildren(args).filter((child) => child.type !== 'keyword_argument' && child.type !== 'list_splat' && child.type !== 'dictionary_splat');
}

function keywordValue(args: Node, name: string): Node | undefined {
  for (const child of args.namedChildren) {
    if (child?.type === 'keyword_argument' && child.childForFieldName('name')?.text === name) return child.childForFieldName('value') ?? undefined;
  }
  return undefined;
}

function openingParen(args: Node): { line: number; character: number } {
  const start = startOf(args);
  return { line: start.line, character: start.character + 1 };
}

function closingParen(args: Node): { line: number; character: number } {
  const end = endOf(args);
  return { line: end.line, character: Math.max(0, end.character - 1) };
}

function stringValue(node: Node | null | undefined): string | undefined {
  if (!node || node.type !== 'string') return undefined;
  if (node.namedChildren.some((child) => child?.type === 'interpolation')) return undefined;
  return node.namedChildren
    .filter((child): child is Node => !!child && (child.type === 'string_content' || child.type === 'escape_sequence'))
    .map((child) => child.text)
    .join('');
}

function stringLiteral(node: Node, text: string): StringLiteralFact | undefined {
  if (sourceRulesOutCredential(text.slice(node.startIndex, node.endIndex))) return undefined;
  const parent = node.parent;
  if (!parent || parent.type === 'concatenated_string') return undefined;
  // A docstring is documentation, not a value.
  if (parent.type === 'expression_statement' && parent.namedChildCount === 1) return undefined;
  let hasEscape = false;
  let value = '';
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'interpolation') return undefined;
    if (child.type === 'string_content') value += child.text;
    else if (child.type === 'escape_sequence') {
      value += child.text;
      hasEscape = true;
    }
  }
  if (!mayBeCredential(value)) return undefined;
  const start = node.children.find((child) => child?.type === 'string_start')?.text ?? '"';
  const prefix = start.replace(/['"]+$/, '');
  const quote = start.slice(prefix.length);
  const literal: StringLiteralFact = { value, range: rangeOf(node), quote, prefix, plain: !hasEscape && quote.length === 1 };
  describeContext(node, literal, text);
  return literal;
}

/** Where the literal goes: keyword, dict key, assignment target, parameter, and the receiving call. */
function describeContext(node: Node, literal: StringLiteralFact, text: string): void {
  let parent = node.parent;
  let child: Node = node;
  // `("sk-" "...")` and `(value)`: look through parentheses.
  while (parent?.type === 'parenthesized_expression') {
    child = parent;
    parent = parent.parent;
  }
  if (!parent) return;
  let callArgs: Node | null = null;
  // Calls with very many arguments (generated code) are not client constructors: stay linear.
  if (parent.type === 'argument_list' && parent.namedChildCount > MAX_CALL_ARGS) return;
  switch (parent.type) {
    case 'keyword_argument':
      literal.target = parent.childForFieldName('name')?.text;
      callArgs = parent.parent;
      break;
    case 'argument_list':
      callArgs = parent;
      literal.argIndex = realChildren(parent)
        .filter((c) => c.type !== 'keyword_argument')
        .findIndex((c) => c.id === child.id);
      break;
    case 'pair': {
      if (parent.childForFieldName('value')?.id !== child.id) return;
      const key = parent.childForFieldName('key');
      literal.target = key ? (stringValue(key) ?? key.text) : undefined;
      let container: Node | null = parent.parent;
      if (container?.parent?.type === 'dictionary_splat') container = container.parent;
      if (container?.parent?.type === 'keyword_argument') container = container.parent;
      if (container?.parent?.type === 'argument_list') callArgs = container.parent;
      break;
    }
    case 'assignment': {
      if (parent.childForFieldName('right')?.id !== child.id) return;
      literal.target = parent.childForFieldName('left')?.text;
      const statement = parent.parent;
      if (statement?.type === 'expression_statement' && aloneOnLines(statement, text)) literal.statement = rangeOf(statement);
      break;
    }
    case 'default_parameter':
    case 'typed_default_parameter':
      literal.target = parent.childForFieldName('name')?.text;
      break;
    case 'boolean_operator': {
      // `os.getenv("OPENAI_API_KEY") or "sk-..."`: named by the other side.
      const other = parent.childForFieldName('left')?.id === child.id ? parent.childForFieldName('right') : parent.childForFieldName('left');
      literal.target = other?.text.slice(0, 200);
      break;
    }
  }
  const call = callArgs?.type === 'argument_list' && callArgs.namedChildCount <= MAX_CALL_ARGS ? callArgs.parent : null;
  if (call?.type === 'call') {
    literal.callee = call.childForFieldName('function')?.text.slice(0, 200);
    const first = positionalArgs(call)[0];
    literal.calleeFirstString = stringValue(first);
  }
}
