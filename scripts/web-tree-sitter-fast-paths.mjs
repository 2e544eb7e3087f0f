// An esbuild plugin for the bundles: two rewrites of web-tree-sitter's glue code, on the path
// every syntax node the engine reads takes (a node going into WebAssembly is five integers
// written into its memory, a node coming back is five integers read and a `Node` object made).
// Both keep what the library does; they only make it cheaper (docs/performance.md, session 9).
//
// 1. Reads and writes of 32-bit integers go straight to the memory's DataView instead of through
//    Emscripten's generic `getValue(ptr, "i32")` / `setValue(ptr, value, "i32")`, which look at
//    the type string (an `endsWith` and a `switch`) on every call. The replacement is what those
//    do for "i32" (little-endian: `HEAP_DATA_VIEW.getInt32((ptr >> 2) * 4, true)`); the DataView
//    is the module's own, replaced by Emscripten whenever the memory grows.
// 2. A `Node` keeps its fifth integer in a named property instead of at index 0: an object's
//    first indexed property makes V8 give it an elements store of 17 slots, so every node object
//    cost a second allocation of ~150 bytes (node creation 3-4x slower, measured). Only the
//    `Node` class and the function that writes a node into memory read or write it.
//
// If web-tree-sitter's code no longer has what is rewritten (a new version), the build stops with
// this file's name rather than silently losing the gain or half-applying it.

import { readFile } from 'node:fs/promises';

const GET_I32 = /C\.getValue\(([^;"]*?), "i32"\)/g;
const SET_I32 = /C\.setValue\(([^;"]*?), ([^;"]*?), "i32"\)/g;

/** Each [before, after] must occur exactly once. */
const NODE_SLOT = [
  ['  [0] = 0;\n  // Internal handle for Wasm\n  /** @internal */\n  _children;', '  _other = 0;\n  // Internal handle for Wasm\n  /** @internal */\n  _children;'],
  ['    this[0] = other;\n    this.id = id;', '    this._other = other;\n    this.id = id;'],
  ['C.setValue(address, node[0], "i32")', 'C.setValue(address, node._other, "i32")'],
];

function fail(message) {
  throw new Error(`scripts/web-tree-sitter-fast-paths.mjs: ${message}; update the rewrite for this web-tree-sitter version`);
}

export function rewriteWebTreeSitter(source) {
  if (source.includes('_other')) fail('the code already uses the name _other');
  let rewritten = source;
  for (const [before, after] of NODE_SLOT) {
    const count = rewritten.split(before).length - 1;
    if (count !== 1) fail(`expected once, found ${count} times: ${before}`);
    rewritten = rewritten.replace(before, after);
  }
  const nodeClass = rewritten.slice(rewritten.indexOf('var Node = class {'), rewritten.indexOf('function marshalNode('));
  if (!nodeClass || /this\[0\]|_other = 0;[^]*_other = 0;/.test(nodeClass)) fail('the Node class reads its handle at index 0 elsewhere');
  rewritten = rewritten
    .replace(GET_I32, (_, ptr) => `C.HEAP_DATA_VIEW.getInt32(((${ptr}) >> 2) * 4, true)`)
    .replace(SET_I32, (_, ptr, value) => `C.HEAP_DATA_VIEW.setInt32(((${ptr}) >> 2) * 4, ${value}, true)`);
  const left = rewritten.match(/C\.[gs]etValue\([^;]*?"i32"\)/g);
  if (left) fail(`calls left unrewritten: ${left.join(', ')}`);
  if (!rewritten.includes('C.HEAP_DATA_VIEW.setInt32(((address) >> 2) * 4, node._other, true)')) fail('marshalNode was not rewritten');
  return rewritten;
}

export const webTreeSitterFastPaths = {
  name: 'web-tree-sitter-fast-paths',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter[\\/]web-tree-sitter\.cjs$/ }, async (args) => ({
      contents: rewriteWebTreeSitter(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
