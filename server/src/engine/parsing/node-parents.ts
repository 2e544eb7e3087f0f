// A node's parent, remembered per tree. Tree-sitter stores no parent links: web-tree-sitter's
// `node.parent` searches down from the root of the tree to the node (a call into WebAssembly
// whose cost grows with the node's depth) and makes a new `Node` object each time. The adapters
// walk up from string literals, calls and bindings to describe what holds them, and siblings
// share those ancestors: a dictionary's hundred string keys walked up through the same dozen
// nodes, a hundred times each. Node ids are unique within a tree, and a tree never changes.

import type { Node, Tree } from 'web-tree-sitter';

const parentsByTree = new WeakMap<Tree, Map<number, Node | null>>();
let lastTree: Tree | undefined;
let lastParents: Map<number, Node | null> | undefined;

/** `node.parent`, asked of WebAssembly once per node of a tree; null for a root or no node. */
export function parentOf(node: Node | null | undefined): Node | null {
  if (!node) return null;
  const tree = node.tree;
  let parents = tree === lastTree ? lastParents : parentsByTree.get(tree);
  if (!parents) parentsByTree.set(tree, (parents = new Map()));
  lastTree = tree;
  lastParents = parents;
  let parent = parents.get(node.id);
  if (parent === undefined) {
    parent = node.parent;
    parents.set(node.id, parent);
  }
  return parent;
}
