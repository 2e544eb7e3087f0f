// The `compilerOptions.paths` aliases of a project's tsconfig.json, for the workspace index's TS
// module resolution: the CLI's index and the language server's read them the same way, so the
// editor and a scan resolve `@/components/x` alike.

import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser/lib/esm/main.js';
import type { PathAliases } from '../engine';

/** `compilerOptions.paths` of the project's tsconfig.json (comments and trailing commas allowed). */
export function tsconfigPaths(root: string): PathAliases | undefined {
  try {
    const text = readFileSync(path.join(root, 'tsconfig.json'), 'utf8');
    // A parser, not patterns: `"include": ["**/*.ts", "**/*.tsx"]` holds what looks like a block comment.
    const json = parseJsonc(text, [], { allowTrailingComma: true }) as { compilerOptions?: { baseUrl?: string; paths?: Record<string, string[]> } } | undefined;
    const paths = json?.compilerOptions?.paths;
    if (!paths || typeof paths !== 'object') return undefined;
    return { baseUrl: path.resolve(root, json?.compilerOptions?.baseUrl ?? '.'), paths };
  } catch {
    return undefined;
  }
}
