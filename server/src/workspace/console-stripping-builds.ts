// Front-end builds that strip console calls from what they ship (docs/rules/phi-in-log.md, "What
// stays quiet"): vite's `esbuild: { drop: ['console'] }` or `pure: ['console.log', ...]`, terser's
// `drop_console` / `pure_funcs`, `babel-plugin-transform-remove-console`, Next.js
// `compiler: { removeConsole }`. A `console.*` call such a build drops never runs in production, so
// it writes no production log: like a log in a development-only branch. Only the methods the
// config drops, and only for the files of the package the config builds (the config's folder).
// Read from the config's text with small patterns; only method names are kept.

import * as path from 'node:path';
import type { ConsoleStrippingBuild } from '../engine/model/audit-context';

/** Build configs that may strip console calls: `vite.config.ts`, `next.config.mjs`, `babel.config.js`, `.babelrc.js`, `webpack.config.js`. */
const BUILD_CONFIG = /^(?:vite|next|babel|webpack|rollup|craco|nuxt|quasar|esbuild|rsbuild|rspack)\.config\.[cm]?[jt]s$|^\.babelrc\.[cm]?js$/;
const QUOTED = /['"`]([\w.]+)['"`]/g;

/** The console methods a build config in `file` strips, if it strips any. */
export function consoleStrippingBuildsOf(file: string, code: string): ConsoleStrippingBuild[] {
  if (!BUILD_CONFIG.test(path.basename(file))) return [];
  const dropped = new Set<string>();
  let all = false;
  let kept: string[] | undefined;
  // esbuild `drop: ['console', 'debugger']`; terser `drop_console: true`.
  if (/\bdrop\s*:\s*\[[^\]]*['"`]console['"`]/.test(code) || /\bdrop_console\s*:\s*true\b/.test(code)) all = true;
  // terser `drop_console: ['log', 'info']`: those methods.
  for (const list of listsAfter(code, /\bdrop_console\s*:\s*\[/g)) for (const name of quoted(list)) dropped.add(name);
  // esbuild `pure: ['console.log']`, terser `pure_funcs: ['console.log']`: calls without side effects, removed.
  for (const list of listsAfter(code, /\b(?:pure|pure_funcs)\s*:\s*\[/g)) {
    for (const name of quoted(list)) if (name.startsWith('console.')) dropped.add(name.slice('console.'.length));
  }
  // Next.js `removeConsole: true` or `removeConsole: { exclude: ['error'] }`; babel's transform-remove-console, with its own `exclude`.
  const removeConsole = /\bremoveConsole\s*:\s*(true\b|\{)/.exec(code);
  const babelPlugin = /['"`](?:babel-plugin-)?transform-remove-console['"`]/.exec(code);
  for (const found of [removeConsole, babelPlugin]) {
    if (!found) continue;
    all = true;
    const rest = code.slice(found.index, found.index + 300);
    const exclude = /^[^\]]*?\bexclude\s*:\s*\[([^\]]*)\]/.exec(rest);
    if (exclude) kept = [...(kept ?? []), ...quoted(exclude[1])];
  }
  if (all) return [{ file, ...(kept?.length ? { kept } : {}) }];
  return dropped.size ? [{ file, methods: [...dropped].sort() }] : [];
}

/** The text of each `[...]` list a pattern ending at `[` opens. */
function listsAfter(code: string, opener: RegExp): string[] {
  const lists: string[] = [];
  for (const match of code.matchAll(opener)) {
    const start = match.index! + match[0].length;
    const end = code.indexOf(']', start);
    if (end > start && end - start < 400) lists.push(code.slice(start, end));
  }
  return lists;
}

function quoted(list: string): string[] {
  return [...list.matchAll(QUOTED)].map((match) => match[1]);
}
