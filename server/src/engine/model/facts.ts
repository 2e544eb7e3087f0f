// The language-neutral model that adapters extract from syntax trees and rules reason on
// (docs/architecture.md, "Inside the engine"). Expressions are kept as a small tree of their own so PHI flow can be
// evaluated the same way for Python and TypeScript/JavaScript.

import type { LanguageId, Position, Range } from './types';

export type Language = 'python' | 'ts';

interface ExprBase {
  range: Range;
}

export interface NameExpr extends ExprBase {
  kind: 'name';
  name: string;
}

/** `a.b`, `a?.b`, `a["b"]` (a string key is a property too). */
export interface MemberExpr extends ExprBase {
  kind: 'member';
  object: Expr;
  property: string;
  propertyRange: Range;
}

/** `a[i]` with a non-literal index: an element of a collection. */
export interface IndexExpr extends ExprBase {
  kind: 'index';
  object: Expr;
  index: Expr;
}

export interface Argument {
  /** Keyword name (`detail=` in Python), undefined for positional arguments. */
  name?: string;
  /** `*args` / `**kwargs` / `...spread`. */
  spread?: boolean;
  value: Expr;
  range: Range;
}

export interface CallExpr extends ExprBase {
  kind: 'call';
  callee: Expr;
  args: Argument[];
  /** `new X(...)` in TS/JS. */
  isNew: boolean;
  argsRange: Range;
}

/** A string literal with no interpolation. */
export interface StringExpr extends ExprBase {
  kind: 'string';
  value: string;
  /** The quote the source used (`'`, `"`, `` ` ``), so fixes can keep the file's style. */
  quote: string;
  /** The literal's prefix in Python (`r`, `b`, `u`), empty otherwise. */
  prefix: string;
}

export type TemplatePart = { text: string } | { expr: Expr };

/** f-strings and template literals. */
export interface TemplateExpr extends ExprBase {
  kind: 'template';
  parts: TemplatePart[];
  quote: string;
}

export interface BinaryExpr extends ExprBase {
  kind: 'binary';
  operator: string;
  left: Expr;
  right: Expr;
}

export interface ObjectEntry {
  key?: string;
  keyRange?: Range;
  value: Expr;
  spread?: boolean;
  range: Range;
}

/** dict literals and object literals. */
export interface ObjectExpr extends ExprBase {
  kind: 'object';
  entries: ObjectEntry[];
}

/** lists, tuples, sets, arrays. */
export interface ArrayExpr extends ExprBase {
  kind: 'array';
  items: Expr[];
}

/** Numbers, booleans, None/null/undefined, lambdas: never PHI themselves. */
export interface LiteralExpr extends ExprBase {
  kind: 'literal';
}

/** Comparisons, `not`, `is None`, `typeof`, `instanceof`: they produce booleans / kinds. */
export interface TestExpr extends ExprBase {
  kind: 'test';
}

/** Anything else whose value may carry its children's (await, parentheses, conditionals, casts). */
export interface OtherExpr extends ExprBase {
  kind: 'other';
  children: Expr[];
}

export type Expr =
  | NameExpr
  | MemberExpr
  | IndexExpr
  | CallExpr
  | StringExpr
  | TemplateExpr
  | BinaryExpr
  | ObjectExpr
  | ArrayExpr
  | LiteralExpr
  | TestExpr
  | OtherExpr;

export interface ParamFact {
  name: string;
  range: Range;
  /**
   * The parameter's position when it differs from its index among the scope's params: the names
   * of a destructured parameter (`{ a, b }`) share one position (TS/JS).
   */
  position?: number;
  /** The annotation's type names, e.g. `Patient` for `p: Optional[Patient]`. */
  typeNames: string[];
  /** A name of a destructured parameter (`{ initialOrder }: OrderFormProps`): the annotation types the whole object, not the name. */
  destructured?: true;
  /** The property a destructured name is taken from at the object's top level (`{ patientId: id }` -> patientId). */
  key?: string;
}

export interface DecoratorFact {
  /** The decorator's expression (`router.get("/x")`, `phi_access(...)`, `Get(':id')`). */
  expr: Expr;
  range: Range;
}

export interface ScopeFact {
  id: number;
  kind: 'module' | 'function' | 'class';
  name?: string;
  parentId?: number;
  range: Range;
  /** Where the function's name is (for endpoint ranges). */
  nameRange?: Range;
  params: ParamFact[];
  decorators: DecoratorFact[];
  /** A class's base classes as written (`Base`, `mixins.Auditable`), for method resolution across classes. */
  bases?: string[];
  /** An arrow function's expression body: its return value. */
  expressionBody?: Expr;
  /** `export default function ...` (TS/JS): what a default import of the module names. */
  exportDefault?: boolean;
  /**
   * A function written as a JSX attribute's value (`<ClinicalNoteForm onUpdate={(data) => ...} />`):
   * the element's and the attribute's names, which say what the callback is given.
   */
  jsxAttribute?: { element: string; attribute: string };
}

/**
 * A name receiving a value. Destructuring records the property path (`const { dob } = patient`
 * binds `dob` to `patient.dob`); iteration binds an element of the iterable. A store into a
 * container (`d["k"] = v`, `payload.k = v`) is an `augmented` binding of `d[]` / `payload[]`:
 * the container holds `v` from then on, and the name is no assignment of `d` itself.
 */
export interface BindingFact {
  scopeId: number;
  name: string;
  /** Where the bound name is. */
  range: Range;
  /** Offset of the statement: a binding is visible to uses after it. */
  offset: number;
  value: Expr;
  kind: 'assign' | 'augmented' | 'destructure' | 'iterate' | 'with' | 'rest';
  /** For destructuring: the property read from `value`. */
  property?: string;
  /**
   * The arm of the nearest enclosing `if` the binding sits in (a variable assigned in the `if` and
   * in the `else` holds either value after it): the `if` statement's range and the arm's index.
   */
  branch?: { statement: Range; arm: number };
}

export interface CallFact {
  scopeId: number;
  call: CallExpr;
  /** When the call is the value of a `raise` / `throw` statement: that statement's range. */
  thrownBy?: Range;
  /** When the call is `return`ed (Flask `return jsonify(...), 404` is an error body). */
  returnedWith?: Expr[];
}

/** A `return` statement, for the summaries of functions across files. */
export interface ReturnFact {
  scopeId: number;
  value?: Expr;
  range: Range;
}

/** `raise` / `throw` of something that is not a call (`throw \`bad ${x}\``). */
export interface ThrowFact {
  scopeId: number;
  value: Expr;
  range: Range;
}

export interface ImportFact {
  /** `logging`, `structlog`, `pino`, `./security/phi-access`. */
  module: string;
  /** Local name -> imported name (`*default*` for default imports, `*module*` for namespace). */
  names: Map<string, string>;
  range: Range;
}

export interface CommentFact {
  text: string;
  range: Range;
  /** Whether code precedes the comment on its line (a trailing comment). */
  trailing: boolean;
}

/**
 * `type Props = A & { patient: Patient }`, `interface Props extends A { patient: Patient }`: the
 * property names declared in it (not in nested object types) and the type names it is made of.
 */
export interface TypeShapeFact {
  name: string;
  fields: string[];
  refs: string[];
}

export interface FieldTypeFact {
  scopeId: number;
  name: string;
  typeNames: string[];
}

export interface FileFacts {
  language: Language;
  languageId: LanguageId;
  text: string;
  /** Offsets of line starts, for turning offsets into positions. */
  lineStarts: number[];
  scopes: ScopeFact[];
  bindings: BindingFact[];
  calls: CallFact[];
  throws: ThrowFact[];
  imports: ImportFact[];
  /** `return` statements (facts extracted before they were recorded have none). */
  returns?: ReturnFact[];
  /** TS/JS `export * from 'm'` (names `*` -> `*`) and `export { a as b } from 'm'` (b -> a). */
  reexports?: ImportFact[];
  /** TS/JS `export default name;`: the module-level name exported as the default (a function, class or instance). */
  defaultExportName?: string;
  comments: CommentFact[];
  /** Statements that import names: where a fix adds a new import. */
  importInsertLine: number;
  /** TS/JS type aliases and interfaces, by the fields they declare and the types they are built from. */
  typeShapes?: TypeShapeFact[];
  /** TS/JS class fields' declared types (`lastProps?: SingleSpaProps`), as `this.<field>` in the class's scope. */
  fieldTypes?: FieldTypeFact[];
  /** Persistence models (SQLAlchemy, SQLModel, Django, Prisma, TypeORM, Sequelize, Mongoose). */
  models?: ModelFact[];
  /** String literals that could be credentials or PHI, with their context. */
  literals?: StringLiteralFact[];
  /** The values of a data file (JSON, YAML, CSV, HL7, notebook...), with their keys (phi-literal). */
  dataValues?: DataValueFact[];
  /** A data file cut at the size cap: only its first `readChars` characters were read. */
  partlyRead?: { readChars: number; totalChars: number };
}

/**
 * A value written in a data file, with what the file's structure says about it. Extracted by
 * adapters/data/; phi-literal decides whether it is PHI.
 */
export interface DataValueFact {
  value: string;
  /** Where the value's characters are (quotes excluded). */
  range: Range;
  /** The key, column, variable or field (`PID-5`) it sits under. */
  key?: string;
  /** Names of the records around it, outermost first: parent keys, FHIR `resourceType`s, the file's name. */
  context: string[];
  /** The other keys of the same record (the row's columns). */
  siblingKeys?: readonly string[];
  /** Where in the file, for the message: `cell 3, output 1`. */
  where?: string;
  /** The text at `range` is exactly `value`: a fix may replace it. */
  replaceable: boolean;
  /** A notebook output's value: the cell's `outputs` array, which *Clear this cell's outputs* empties. */
  cellOutputs?: Range;
  /** Which record (object, row) it belongs to: values sharing it are one record's (an offset in the file). */
  recordId?: number;
  /** The outermost object holding it through objects only (no list between): one persona as a whole. */
  personaId?: number;
}

// --- Persistence models and credential-shaped literals (unencrypted-phi-field, hardcoded-ai-key).
// Extracted by a second pass (adapters/<language>/models.ts and literals.ts, adapters/prisma/) so the rules never see syntax trees.

export type OrmKind = 'sqlalchemy' | 'sqlmodel' | 'django' | 'prisma' | 'typeorm' | 'sequelize' | 'mongoose';

/** Where and how a fix can make a field encrypted; the fix module turns it into edits. */
export type FieldFixSite =
  /** SQLAlchemy `Column(String(11))` / `mapped_column(String)`: wrap the type expression. */
  | { kind: 'wrap-type'; range: Range }
  /** `mapped_column(nullable=False)` / `Column()`: insert an encrypted type as the first argument. */
  | { kind: 'insert-type'; at: Position; hasArgs: boolean }
  /** `ssn: Mapped[str]` / SQLModel `ssn: str`: add ` = mapped_column(...)` / ` = Field(...)` after the annotation. */
  | { kind: 'add-value'; at: Position; call: 'mapped_column' | 'Field' }
  /** SQLModel `ssn: str = None`: the default becomes `Field(default=None, sa_type=...)`. */
  | { kind: 'replace-default'; range: Range; defaultText: string }
  /** SQLModel `Field(...)`: add `sa_type=...` before the closing parenthesis. */
  | { kind: 'add-keyword'; at: Position; hasArgs: boolean }
  /** Django `models.CharField(...)`: wrap the field call in `encrypt(...)`. */
  | { kind: 'wrap-call'; range: Range }
  /** Prisma: add the `/// @encrypted` documentation (trailing, or on its own line above when the line has a comment). */
  | { kind: 'prisma-doc'; line: number; lineEnd: Position; trailingComment: boolean; indent: string }
  /** TypeORM `@Column(...)`: insert `before + transformer: <name> + after` at `at`. */
  | { kind: 'column-options'; at: Position; before: string; after: string }
  /** Sequelize attribute value: wrap it in an encrypted-attribute helper. */
  | { kind: 'wrap-value'; range: Range }
  /** Mongoose: register (or extend) the mongoose-field-encryption plugin on the schema variable. */
  | { kind: 'mongoose-plugin'; schemaVar: string; insertAt: Position; indent: string; fieldsArrayEnd?: Position; fieldsEmpty?: boolean };

export interface ModelFieldFact {
  name: string;
  /** The stored column's own name when it differs (`Column("ssn", ...)`, `@map("ssn")`, `db_column=`). */
  columnName?: string;
  /** The declared type as written (`String(11)`, `models.CharField`, `String?`, `varchar`). */
  type: string;
  /** The column type expression: the finding's range. */
  typeRange: Range;
  /** The field's declaration: its start line is the reported line. */
  range: Range;
  /** Identifiers and option keys in the declaration (types, wrappers, transformers, decorators), for the policy's `encryption.types`. */
  names: string[];
  /** Set when a well-known mechanism outside the declaration encrypts it (Prisma `/// @encrypted`, a mongoose plugin). */
  encryptedBy?: string;
  /** A relation / enum / embedded reference rather than a stored value. */
  relation?: boolean;
  /** The keys of the nested paths it sits in, outermost first (Mongoose `medicalHistory.familyHistory[].condition`). */
  parents?: string[];
  /** A reference to another document by its id (Mongoose `{ type: Schema.Types.ObjectId, ref: 'Patient' }`): an id until populated. */
  reference?: true;
  fix?: FieldFixSite;
}

export interface ModelFact {
  orm: OrmKind;
  name: string;
  range: Range;
  fields: ModelFieldFact[];
}

/** A string literal that could be a credential, with where it goes. */
export interface StringLiteralFact {
  value: string;
  range: Range;
  quote: string;
  /** Python string prefix (`r`, `b`), empty otherwise. */
  prefix: string;
  /** The source between the quotes is exactly `value` (no escapes): a fix may rewrite it. */
  plain: boolean;
  /** What receives it: keyword argument, object key, assigned name / attribute / env var, parameter. */
  target?: string;
  /** Text of the callee of the call receiving it (directly or through an options object / dict). */
  callee?: string;
  /** Index among the call's positional arguments when passed directly. */
  argIndex?: number;
  /** First positional string argument of that call (`boto3.client("bedrock-runtime", ...)`, `os.getenv("X", ...)`). */
  calleeFirstString?: string;
  /** The whole statement, when the literal is the value of an assignment alone on its lines. */
  statement?: Range;
  /** The literal names something (module specifier, property key or name, literal type): no expression may replace it. */
  namePosition?: boolean;
  /** Shaped like a credential (one token of 8-512 characters, or a Bearer header): hardcoded-ai-key reads only these. */
  credentialShaped?: boolean;
  /** The variable, key or callee of the dict / object / list / call the literal sits in (`PATIENT = {...}`). */
  record?: string;
  /** The other keys of that dict / object. */
  siblingKeys?: string[];
  /** Which dict / object / list it sits in directly: literals sharing it are one record's (its start offset). */
  recordId?: number;
  /** The variable or assignment whose value holds it through objects only (no list between): one person's record as a whole. */
  declarationId?: number;
  /** The innermost FHIR resource (an object with a `resourceType` key) around it, through lists too: one record, as in data files. */
  resourceId?: number;
}
