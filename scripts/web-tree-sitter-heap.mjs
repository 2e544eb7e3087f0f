// An esbuild plugin for the bundles: web-tree-sitter's reads and writes of 32-bit integers in its
// WebAssembly memory go straight to the memory's DataView instead of through Emscripten's generic
// `getValue(ptr, "i32")` / `setValue(ptr, value, "i32")`, which look at the type string (an
// `endsWith` and a `switch`) on every call. Every node the engine reads from a syntax tree is
// written into that memory (five integers) and every node it gets back is read from it (five
// more), so these two functions were 6-8 % of a cold scan (docs/performance.md, session 9).
//
// The replacement is what the generic functions do for "i32" (Emscripten's little-endian heap
// access: `HEAP_DATA_VIEW.getInt32((ptr >> 2) * 4, true)`); the DataView is the module's own,
// replaced by Emscripten whenever the memory grows. Only the calls with a literal "i32" type are
// rewritten. If web-tree-sitter's code no longer has them where expected (a new version), the
// build stops with this file's name rather than silently losing the gain.

import { readFile } from 'node:fs/promises';

const GET_I32 = /C\.getValue\(([^;"]*?), "i32"\)/g;
const SET_I32 = /C\.setValue\(([^;"]*?), ([^;"]*?), "i32"\)/g;

/** The node marshalling functions must be among the rewritten ones: they are the hot path. */
const HOT = ['C.setValue(address, node.id, "i32")', 'C.getValue(address, "i32")'];

export function rewriteHeapAccess(source) {
  const missing = HOT.filter((call) => !source.includes(call));
  if (missing.length) throw new Error(`scripts/web-tree-sitter-heap.mjs: web-tree-sitter no longer has ${missing.join(', ')}; update the rewrite`);
  const rewritten = source
    .replace(GET_I32, (_, ptr) => `C.HEAP_DATA_VIEW.getInt32(((${ptr}) >> 2) * 4, true)`)
    .replace(SET_I32, (_, ptr, value) => `C.HEAP_DATA_VIEW.setInt32(((${ptr}) >> 2) * 4, ${value}, true)`);
  const left = rewritten.match(/C\.[gs]etValue\([^;]*?"i32"\)/g);
  if (left) throw new Error(`scripts/web-tree-sitter-heap.mjs: calls left unrewritten: ${left.join(', ')}`);
  return rewritten;
}

export const webTreeSitterHeapAccess = {
  name: 'web-tree-sitter-heap-access',
  setup(build) {
    build.onLoad({ filter: /web-tree-sitter[\\/]web-tree-sitter\.cjs$/ }, async (args) => ({
      contents: rewriteHeapAccess(await readFile(args.path, 'utf8')),
      loader: 'js',
    }));
  },
};
