// What both language adapters share: node ranges, scope bookkeeping, a bounded expression
// converter cache, and an iterative walk (deeply nested input must not overflow the stack).

import { Query, type Language as Grammar, type Node } from 'web-tree-sitter';
import type { CommentFact, Expr, FileFacts, ScopeFact } from '../model/facts';
import type { Range } from '../model/types';

/** Expressions nested deeper than this are summarised, not converted (fuzzed input, generated code). */
export const MAX_EXPRESSION_DEPTH = 120;

export function rangeOf(node: Node): Range {
  return {
    start: { line: node.startPosition.row, character: node.startPosition.column },
    end: { line: node.endPosition.row, character: node.endPosition.column },
  };
}

/**
 * The flow facts of one top-level statement (a chunk): what an adapter extracts. Scope ids are
 * the chunk's own, with 0 standing for the module; adapters/chunks.ts merges chunks into a file.
 */
export type FlowFacts = Pick<FileFacts, 'scopes' | 'bindings' | 'calls' | 'throws' | 'imports' | 'comments' | 'importInsertLine'>;

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
    comments: [],
    importInsertLine: 0,
  };
}

export type ScopeInit = Omit<ScopeFact, 'id' | 'parentId'>;

/** The per-language part of extraction: turn one node into facts, and expressions into Expr. */
export interface AdapterVisitor {
  /**
   * The node types `visit` handles. Only these are materialised as Node objects: crossing into
   * WebAssembly for every node of the tree dominated scan time.
   */
  types: ReadonlySet<string>;
  /** Records facts for `node`; returns a scope to open for its subtree, if it starts one. */
  visit(node: Node, scopeId: number): ScopeInit | undefined;
}

/**
 * Visits the nodes of the visitor's types in `subtree`, in document order, keeping track of the
 * innermost scope.
 */
export function walk(subtree: Node, facts: FlowFacts, visitor: AdapterVisitor): void {
  const scopes: { id: number; endIndex: number }[] = [{ id: 0, endIndex: Number.MAX_SAFE_INTEGER }];
  for (const node of nodesOfTypes(subtree, visitor.types)) {
    while (scopes.length > 1 && node.startIndex >= scopes[scopes.length - 1].endIndex) scopes.pop();
    const parentId = scopes[scopes.length - 1].id;
    const init = visitor.visit(node, parentId);
    if (init) {
      const id = facts.scopes.length;
      facts.scopes.push({ ...init, id, parentId });
      scopes.push({ id, endIndex: node.endIndex });
    }
  }
}

/** Compiled queries by node-type set (the adapters' sets are constants) and grammar. */
const queries = new WeakMap<ReadonlySet<string>, Map<Grammar, Query>>();

/**
 * Every node of the given types in `subtree` (itself included), in document order (outer before
 * inner). A tree-sitter query finds them inside WebAssembly: walking the tree node by node from
 * JavaScript, crossing into wasm at every step, cost more than parsing. Queries are compiled
 * once per language and set.
 */
export function nodesOfTypes(subtree: Node, types: ReadonlySet<string>): Node[] {
  const query = queryFor(subtree.tree.language, types);
  if (!subtree.hasError) return query.captures(subtree).map((capture) => capture.node);
  // The query engine is super-linear over a large ERROR node (10,000 unclosed brackets took
  // seconds, found by fuzzing), and a file being edited often has one: query the children that
  // parsed cleanly and walk only the broken ones (linear).
  const nodes: Node[] = [];
  if (types.has(subtree.type)) nodes.push(subtree);
  for (const child of subtree.children) {
    if (!child) continue;
    if (child.hasError) walkNodesOfTypes(child, types, nodes);
    else for (const capture of query.captures(child)) nodes.push(capture.node);
  }
  return nodes;
}

function queryFor(language: Grammar, types: ReadonlySet<string>): Query {
  let byLanguage = queries.get(types);
  if (!byLanguage) queries.set(types, (byLanguage = new Map()));
  let query = byLanguage.get(language);
  if (!query) {
    const known = [...types].filter((type) => language.idForNodeType(type, true));
    query = new Query(language, `[${known.map((type) => `(${type})`).join(' ')}] @node`);
    byLanguage.set(language, query);
  }
  return query;
}

/** The same nodes, in the same (pre-)order, by walking a subtree with a cursor. */
function walkNodesOfTypes(subtree: Node, types: ReadonlySet<string>, into: Node[]): void {
  const cursor = subtree.walk();
  try {
    for (;;) {
      if (types.has(cursor.nodeType)) into.push(cursor.currentNode);
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    // Before the tree is deleted: a cursor's finalizer frees through the tree's memory.
    cursor.delete();
  }
}

/** Caches converted expressions by node id: a call nested in another is converted once. */
export class ExprCache {
  private readonly cache = new Map<number, Expr>();

  get(node: Node, convert: () => Expr): Expr {
    let expr = this.cache.get(node.id);
    if (!expr) {
      expr = convert();
      this.cache.set(node.id, expr);
    }
    return expr;
  }
}

export function literal(node: Node): Expr {
  return { kind: 'literal', range: rangeOf(node) };
}

/** The dotted path of a callee (`logging.getLogger`, `this.logger.info`), or undefined. */
export function calleePath(expr: Expr): string[] | undefined {
  if (expr.kind === 'name') return [expr.name];
  if (expr.kind === 'member') {
    const object = calleePath(expr.object);
    return object ? [...object, expr.property] : undefined;
  }
  if (expr.kind === 'other' && expr.children.length === 1) return calleePath(expr.children[0]);
  return undefined;
}

/** The leftmost name of a member / call chain (`server` in `server.address()`). */
export function rootName(expr: Expr): string | undefined {
  let current: Expr = expr;
  for (let i = 0; i < 20; i++) {
    if (current.kind === 'name') return current.name;
    if (current.kind === 'member' || current.kind === 'index') current = current.object;
    else if (current.kind === 'call') current = current.callee;
    else if (current.kind === 'other' && current.children.length === 1) current = current.children[0];
    else return undefined;
  }
  return undefined;
}

/** A comment, and whether code precedes it on its line (then it is about that line). */
export function commentFact(node: Node, text: string): CommentFact {
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
