// What every language adapter's flow extraction shares: the AdapterContext its small functions
// take (text, facts so far, converted expressions), the walk that hands them the nodes of their
// types with the innermost scope, and the few facts built the same way in every language.

import type { Node } from 'web-tree-sitter';
import type { CommentFact, DecoratorFact, Expr, FileFacts, ModelFact, ScopeFact, StringLiteralFact } from '../model/facts';
import { rangeOf, type Range } from '../model/ranges';
import { nodesOfTypes } from '../parsing/node-query';

/** Expressions nested deeper than this are summarised, not converted (fuzzed input, generated code). */
export const MAX_EXPRESSION_DEPTH = 120;

/**
 * The flow facts of one top-level statement (a chunk): what an adapter extracts. Scope ids are
 * the chunk's own, with 0 standing for the module; adapters/chunks.ts merges chunks into a file.
 */
export type FlowFacts = Pick<FileFacts, 'scopes' | 'bindings' | 'calls' | 'throws' | 'imports' | 'comments' | 'importInsertLine' | 'defaultExportName' | 'typeShapes' | 'fieldTypes'> &
  Required<Pick<FileFacts, 'returns' | 'reexports'>>;

/**
 * One chunk's extraction state, passed explicitly to each function of an adapter (one object per
 * chunk: the per-node path allocates no closures).
 */
export interface AdapterContext {
  /** The whole file's text: template and comment text is read from it by offset. */
  readonly text: string;
  /** The facts found so far in the chunk. */
  readonly facts: FlowFacts;
  /** Converted expressions by node id: a call nested in another is converted once. */
  readonly exprs: Map<number, Expr>;
}

export function newAdapterContext(text: string): AdapterContext {
  return { text, facts: newFlowFacts(), exprs: new Map() };
}

const NO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/**
 * Empty facts with the module scope (id 0). A chunk's module scope only stands for the module;
 * the file's, made when chunks are merged, has the whole file's range.
 */
export function newFlowFacts(moduleRange: Range = NO_RANGE): FlowFacts {
  const module: ScopeFact = { id: 0, kind: 'module', range: moduleRange, params: [], decorators: [] };
  return {
    scopes: [module],
    bindings: [],
    calls: [],
    throws: [],
    imports: [],
    returns: [],
    reexports: [],
    comments: [],
    importInsertLine: 0,
  };
}

export type ScopeInit = Omit<ScopeFact, 'id' | 'parentId'>;

/** Records the facts of one node; returns a scope to open for its subtree, if it starts one. */
export type Visit = (context: AdapterContext, node: Node, scopeId: number) => ScopeInit | void;

/**
 * Hands `visit` the nodes of `types` in `subtree`, in document order, with the innermost scope.
 * Only these nodes are materialised as Node objects: crossing into WebAssembly for every node of
 * the tree dominated scan time.
 */
export function walk(subtree: Node, context: AdapterContext, types: ReadonlySet<string>, visit: Visit): void {
  const { facts } = context;
  const scopes: { id: number; endIndex: number }[] = [{ id: 0, endIndex: Number.MAX_SAFE_INTEGER }];
  for (const node of nodesOfTypes(subtree, types)) {
    while (scopes.length > 1 && node.startIndex >= scopes[scopes.length - 1].endIndex) scopes.pop();
    const parentId = scopes[scopes.length - 1].id;
    const init = visit(context, node, parentId);
    if (init) {
      const id = facts.scopes.length;
      facts.scopes.push({ ...init, id, parentId });
      scopes.push({ id, endIndex: node.endIndex });
    }
  }
}

/** A language's conversion of one expression node, its children converted through the language's ToExpr. */
export type ConvertExpr = (context: AdapterContext, node: Node, depth: number) => Expr;

/** The language's `toExpr`: a node as an expression, converted once per chunk. */
export type ToExpr = (context: AdapterContext, node: Node, depth?: number) => Expr;

/**
 * A language's ToExpr made from its ConvertExpr: each node is converted the first time it is
 * asked for and remembered by id, and summarised past MAX_EXPRESSION_DEPTH.
 */
export function exprConverter(convert: ConvertExpr): ToExpr {
  return (context, node, depth = 0) => {
    let expr = context.exprs.get(node.id);
    if (!expr) {
      expr = depth > MAX_EXPRESSION_DEPTH ? { kind: 'other', range: rangeOf(node), children: [] } : convert(context, node, depth);
      context.exprs.set(node.id, expr);
    }
    return expr;
  };
}

/** How a grammar names the parts of `a.b` and `a[k]`: node type -> object field, key field, and whether the key is a name or an index. */
export type AccessSyntax = Readonly<Record<string, readonly [objectField: string, keyField: string, key: 'name' | 'index']>>;

/**
 * `a.b`, and `a[k]`: a member when the key is a string literal (`a["b"]` is `a.b`), else an
 * element of a collection. Undefined when the node lacks a part (error recovery).
 */
export function accessExpr(context: AdapterContext, node: Node, syntax: AccessSyntax, range: Range, depth: number, toExpr: ToExpr, staticString: (node: Node) => string | undefined): Expr | undefined {
  const [objectField, keyField, keyKind] = syntax[node.type];
  const object = node.childForFieldName(objectField);
  const key = node.childForFieldName(keyField);
  if (!object || !key) return undefined;
  const target = toExpr(context, object, depth);
  if (keyKind === 'name') return { kind: 'member', object: target, property: key.text, propertyRange: rangeOf(key), range };
  const property = staticString(key);
  if (property !== undefined) return { kind: 'member', object: target, property, propertyRange: rangeOf(key), range };
  return { kind: 'index', object: target, index: toExpr(context, key, depth), range };
}

/** A decorator as written: its expression (called or bare) and where it is. */
export function decoratorFact(context: AdapterContext, decorator: Node, toExpr: ToExpr): DecoratorFact {
  const expression = decorator.namedChildren[0];
  return { expr: expression ? toExpr(context, expression) : literal(decorator), range: rangeOf(decorator) };
}

/**
 * The keys of `value` (`for k in obj`, the `k` of `for k, v in obj.items()`): field names, not
 * field values (names are not values). Modelled as a call of `keys`, whose result carries no PHI.
 */
export function keysOf(value: Expr): Expr {
  return { kind: 'call', callee: { kind: 'name', name: 'keys', range: value.range }, args: [{ value, range: value.range }], isNew: false, argsRange: value.range, range: value.range };
}

/** `obj.items()` / `Object.entries(obj)`: the object whose (key, value) pairs are iterated. */
export function pairsSource(value: Expr, method: 'items' | 'entries'): Expr | undefined {
  if (value.kind !== 'call' || value.callee.kind !== 'member' || value.callee.property !== method) return undefined;
  if (method === 'items') return value.args.length === 0 ? value.callee.object : undefined;
  return value.callee.object.kind === 'name' && value.callee.object.name === 'Object' ? value.args[0]?.value : undefined;
}

export function literal(node: Node): Expr {
  return { kind: 'literal', range: rangeOf(node) };
}

export function recordComment(context: AdapterContext, node: Node): void {
  context.facts.comments.push(commentFact(node, context.text));
}

/** A comment, and whether code precedes it on its line (then it is about that line). */
function commentFact(node: Node, text: string): CommentFact {
  let i = node.startIndex - 1;
  while (i >= 0 && (text[i] === ' ' || text[i] === '\t')) i--;
  const trailing = i >= 0 && text[i] !== '\n' && text[i] !== '\r';
  const range = rangeOf(node);
  // tree-sitter-python's comment token runs to the LF, so in a CRLF file it ends with the CR: the
  // comment (its text and range) stops before it, like the line it sits on.
  const crs = /\r*$/.exec(node.text)![0].length;
  if (crs === 0 || range.end.character < crs) return { text: node.text, range, trailing };
  return { text: node.text.slice(0, -crs), range: { start: range.start, end: { line: range.end.line, character: range.end.character - crs } }, trailing };
}

/** The class scope enclosing `scopeId` (a method's class), for `self.x` / `this.x` bindings. */
export function classScopeOf(facts: Pick<FileFacts, 'scopes'>, scopeId: number): number | undefined {
  let current: number | undefined = scopeId;
  while (current !== undefined) {
    const scope: ScopeFact | undefined = facts.scopes[current];
    if (!scope) return undefined;
    if (scope.kind === 'class') return current;
    current = scope.parentId;
  }
  return undefined;
}

export function isNode(node: Node | null | undefined): node is Node {
  return !!node;
}

/** What the second pass over a chunk finds (adapters/<language>/models.ts with literals.ts). */
export interface ModelsAndLiterals {
  /** Persistence models and their fields (unencrypted-phi-field). */
  models: ModelFact[];
  /** String literals that could be credentials, with their context (hardcoded-ai-key). */
  literals: StringLiteralFact[];
}
