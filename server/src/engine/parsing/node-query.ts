// Finding the nodes of some types in a syntax tree from inside WebAssembly, with one compiled
// query per language and set of types: the adapters' hot path.

import { Query, type Language as Grammar, type Node } from 'web-tree-sitter';

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
