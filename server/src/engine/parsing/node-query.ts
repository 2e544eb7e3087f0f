// Finding the nodes of some types in a syntax tree from inside WebAssembly, with one compiled
// query per language and set of types: the adapters' hot path.

import { Query, type Language as Grammar, type Node } from 'web-tree-sitter';

/** Compiled queries by node-type set (the adapters' sets are constants) and grammar. */
const queries = new WeakMap<ReadonlySet<string>, Map<Grammar, Query>>();

/** For a set queried together with others (queryTogether): the union the query is made of. */
const unions = new WeakMap<ReadonlySet<string>, ReadonlySet<string>>();

/** The last union query's answer: its subtree (the same Node object), its union and its nodes with their types. */
let lastUnion: { subtree: Node; union: ReadonlySet<string>; nodes: TypedNode[] } | undefined;

interface TypedNode {
  node: Node;
  type: string;
}

/**
 * Declares sets of node types that are asked for, one after the other, in the same subtree (a
 * chunk's flow facts, then its models and literals): the subtree is then searched once, for all
 * their types, and each set gets its nodes from that one search. A query's cost is mostly its
 * walk over the subtree inside WebAssembly, whatever it matches.
 */
export function queryTogether(...sets: ReadonlySet<string>[]): void {
  const union = new Set(sets.flatMap((set) => [...set]));
  for (const set of sets) unions.set(set, union);
}

/**
 * Every node of the given types in `subtree` (itself included), in document order (outer before
 * inner). A tree-sitter query finds them inside WebAssembly: walking the tree node by node from
 * JavaScript, crossing into wasm at every step, cost more than parsing. Queries are compiled
 * once per language and set.
 */
export function nodesOfTypes(subtree: Node, types: ReadonlySet<string>): Node[] {
  const union = unions.get(types);
  if (!union) return nodesOfTypesAlone(subtree, types);
  if (lastUnion?.subtree !== subtree || lastUnion.union !== union) lastUnion = { subtree, union, nodes: typedNodesOfTypes(subtree, union) };
  const nodes: Node[] = [];
  // The union's nodes in document order, filtered: the same nodes in the same order as a query of
  // `types` alone. The type comes from the capture's name, so filtering crosses into nothing.
  for (const { node, type } of lastUnion.nodes) if (types.has(type)) nodes.push(node);
  return nodes;
}

function nodesOfTypesAlone(subtree: Node, types: ReadonlySet<string>): Node[] {
  return typedNodesOfTypes(subtree, types).map(({ node }) => node);
}

/** nodesOfTypes, each node with its type. */
function typedNodesOfTypes(subtree: Node, types: ReadonlySet<string>): TypedNode[] {
  const query = queryFor(subtree.tree.language, types);
  if (!subtree.hasError) return captured(query, subtree, []);
  // The query engine is super-linear over a large ERROR node (10,000 unclosed brackets took
  // seconds, found by fuzzing), and a file being edited often has one: query the children that
  // parsed cleanly and walk only the broken ones (linear).
  const nodes: TypedNode[] = [];
  const type = subtree.type;
  if (types.has(type)) nodes.push({ node: subtree, type });
  for (const child of subtree.children) {
    if (!child) continue;
    if (child.hasError) walkNodesOfTypes(child, types, nodes);
    else captured(query, child, nodes);
  }
  return nodes;
}

/** The query's captures in `subtree`, each named after its node's type (queryFor). */
function captured(query: Query, subtree: Node, into: TypedNode[]): TypedNode[] {
  for (const capture of query.captures(subtree)) into.push({ node: capture.node, type: capture.name });
  return into;
}

function queryFor(language: Grammar, types: ReadonlySet<string>): Query {
  let byLanguage = queries.get(types);
  if (!byLanguage) queries.set(types, (byLanguage = new Map()));
  let query = byLanguage.get(language);
  if (!query) {
    const known = [...types].filter((type) => language.idForNodeType(type, true));
    // One capture name per type, the type's own: a capture then tells its node's type.
    query = new Query(language, `[${known.map((type) => `(${type}) @${type}`).join(' ')}]`);
    byLanguage.set(language, query);
  }
  return query;
}

/** The same nodes, in the same (pre-)order, by walking a subtree with a cursor. */
function walkNodesOfTypes(subtree: Node, types: ReadonlySet<string>, into: TypedNode[]): void {
  const cursor = subtree.walk();
  try {
    for (;;) {
      const type = cursor.nodeType;
      if (types.has(type)) into.push({ node: cursor.currentNode, type });
      if (cursor.gotoFirstChild()) continue;
      while (!cursor.gotoNextSibling()) if (!cursor.gotoParent()) return;
    }
  } finally {
    // Before the tree is deleted: a cursor's finalizer frees through the tree's memory.
    cursor.delete();
  }
}
