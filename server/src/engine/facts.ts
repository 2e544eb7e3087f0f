// The language-neutral model that adapters extract from syntax trees and rules reason on
// (ARCHITECTURE.md §5). Expressions are kept as a small tree of their own so PHI flow can be
// evaluated the same way for Python and TypeScript/JavaScript.

import type { LanguageId, Range } from './types';

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
  /** The annotation's type names, e.g. `Patient` for `p: Optional[Patient]`. */
  typeNames: string[];
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
}

/**
 * A name receiving a value. Destructuring records the property path (`const { dob } = patient`
 * binds `dob` to `patient.dob`); iteration binds an element of the iterable.
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
}

export interface CallFact {
  scopeId: number;
  call: CallExpr;
  /** When the call is the value of a `raise` / `throw` statement: that statement's range. */
  thrownBy?: Range;
  /** When the call is `return`ed (Flask `return jsonify(...), 404` is an error body). */
  returnedWith?: Expr[];
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
  comments: CommentFact[];
  /** Statements that import names: where a fix adds a new import. */
  importInsertLine: number;
}
