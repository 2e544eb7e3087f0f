// Express routers mounted in another file than their routes, and the app-level middleware in
// force where they are mounted (docs/policy.md, `audit.typescript.middleware`): `app.use(mw)` in
// `index.ts`, then `registerRoutes(app)`, whose file does `app.use('/api/encounters',
// encountersRouter)` with the router imported from `routes/encounters.ts`. Read from the file's
// text with small patterns; only names, paths and offsets are kept, never source text.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { ExpressPass, ExpressUse, ModuleImports, PathListedMiddleware } from '../engine/model/audit-context';
import { untilClosingParenthesis } from '../policy/audit-candidates';
import { calledMembers, importedNamesBySpecifier } from './imported-names';
import { ALL_NAMES } from '../engine/analysis/modules/taken-names';

const USE_CALL = /\b([A-Za-z_$][\w$]*)\.use\s*\(/g;
/** `registerRoutes(app)` as a statement: a function of another module given an app or router. */
const PASS_CALL = /^[ \t]*(?:await\s+)?([A-Za-z_$][\w$]*)\s*\(\s*([A-Za-z_$][\w$]*)\s*[,)]/gm;
const NAMED_IMPORT = /\bimport\s+(?:type\s+)?(?:([A-Za-z_$][\w$]*)\s*,?\s*)?(?:\{([^}]*)\})?\s*from\s*['"](\.{1,2}\/[^'"]+)['"]/g;
const REQUIRE = /\b(?:const|let|var)\s+(?:([A-Za-z_$][\w$]*)|\{([^}]*)\})\s*=\s*require\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
const EXTENSIONS = ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.mts', '.cts'];

/** The `use` calls of a file and the receivers it hands to functions of other modules. */
export function expressMountsOf(file: string, code: string): { uses: ExpressUse[]; passes: ExpressPass[] } {
  if (!code.includes('.use(') && !code.includes('.use (')) return { uses: [], passes: [] };
  const imports = importedNames(file, code);
  const uses: ExpressUse[] = [];
  for (const match of code.matchAll(USE_CALL)) {
    const args = splitArguments(untilClosingParenthesis(code.slice(match.index! + match[0].length)));
    const prefix = /^['"`]([^'"`]*)['"`]$/.exec(args[0] ?? '')?.[1] ?? pathConstant(code, args[0]);
    const names: string[] = [];
    const routers: ExpressUse['routers'] = [];
    for (const arg of prefix === undefined ? args : args.slice(1)) {
      const required = requiredRouter(file, arg);
      if (required) {
        names.push(required.name);
        routers.push({ ...required, index: names.length - 1 });
        continue;
      }
      const name = /^(?:new\s+)?([A-Za-z_$][\w$.]*)\s*(?:\(|$)/.exec(arg)?.[1]?.split('.').pop();
      if (!name) continue;
      names.push(name);
      const imported = imports.get(name);
      if (imported) routers.push({ file: imported.file, name: imported.name, index: names.length - 1 });
    }
    uses.push({ file, receiver: match[1], offset: match.index!, ...(prefix !== undefined ? { prefix } : {}), names, routers });
  }
  const passes: ExpressPass[] = [];
  for (const match of code.matchAll(PASS_CALL)) {
    const imported = imports.get(match[1]);
    if (imported) passes.push({ file, receiver: match[2], offset: match.index!, calleeFile: imported.file });
  }
  return { uses, passes };
}

/** `require('./routes/visits')` (or `.router` of it) written inside the `use` call itself. */
const INLINE_REQUIRE = /^require\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)(?:\.([A-Za-z_$][\w$]*))?$/;

/**
 * `app.use('/api/visits', require('./routes/visits'))`: the router is the module's export, loaded
 * where it is mounted instead of through a named import; the same mount as the imported form.
 */
function requiredRouter(file: string, arg: string): { file: string; name: string } | undefined {
  const match = INLINE_REQUIRE.exec(arg);
  const target = match && moduleFile(file, match[1]);
  return target ? { file: target, name: match[2] ?? 'default' } : undefined;
}

/**
 * `app.use(FHIR_BASE, fhirRoutes)` with `const FHIR_BASE = '/fhir/R4'` in the file: the path the
 * constant holds (a path literal, written once), so the mount is known by its path like a literal one.
 */
function pathConstant(code: string, arg: string | undefined): string | undefined {
  if (!arg || !/^[A-Za-z_$][\w$]*$/.test(arg)) return undefined;
  const name = arg.replace(/\$/g, '\\$');
  const definitions = [...code.matchAll(new RegExp(`\\b(?:const|let|var)\\s+${name}\\s*=\\s*['"\`](/[^'"\`$]*)['"\`]\\s*[;\\n]`, 'g'))];
  return definitions.length === 1 ? definitions[0][1] : undefined;
}

/** Local name -> the workspace file and exported name it was imported from (relative imports only). */
function importedNames(file: string, code: string): Map<string, { file: string; name: string }> {
  const names = new Map<string, { file: string; name: string }>();
  for (const pattern of [NAMED_IMPORT, REQUIRE]) {
    for (const match of code.matchAll(pattern)) {
      const target = moduleFile(file, match[3]);
      if (!target) continue;
      if (match[1]) names.set(match[1], { file: target, name: 'default' });
      for (const part of (match[2] ?? '').split(',')) {
        const [name, alias] = part.trim().replace(/^type\s+/, '').split(/\s+as\s+|\s*:\s*/);
        if (name && /^[A-Za-z_$][\w$]*$/.test(name)) names.set((alias ?? name).trim(), { file: target, name });
      }
    }
  }
  return names;
}

/** `./routes/encounters` from a file: the module file it names (an extension, or an index file). */
function moduleFile(from: string, specifier: string): string | undefined {
  const base = path.resolve(path.dirname(from), specifier);
  const stem = base.replace(/\.(js|mjs|cjs)$/, '');
  for (const candidate of [base, ...EXTENSIONS.map((ext) => stem + ext), ...EXTENSIONS.map((ext) => path.join(base, `index${ext}`))]) {
    if (/\.[cm]?[jt]sx?$/.test(candidate) && existsSync(candidate)) return candidate;
  }
  return undefined;
}

/** Top-level comma-separated arguments (nested brackets and strings kept whole), trimmed. */
function splitArguments(text: string): string[] {
  const args: string[] = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if ('([{'.includes(char)) depth++;
    else if (')]}'.includes(char)) depth--;
    else if (char === ',' && depth === 0) {
      args.push(text.slice(start, index).trim());
      start = index + 1;
    }
  }
  const last = text.slice(start).trim();
  if (last) args.push(last);
  return args;
}

/** An array literal of two or more path strings (`['/api/patients', '/api/notes']`). */
const PATH_LIST = /\[\s*((?:['"`]\/[^'"`\s]*['"`]\s*,\s*)+['"`]\/[^'"`\s]*['"`])\s*,?\s*\]/g;
const EXPORTED_FUNCTION = /\bexport\s+(?:default\s+)?(?:async\s+)?(?:function\s*\*?\s*([A-Za-z_$][\w$]*)|(?:const|let|var)\s+([A-Za-z_$][\w$]*))/g;

/**
 * A module whose exported middleware audits only the paths it lists: it holds a list of path
 * prefixes it tests the request's path against (`startsWith`). One entry per module, with every
 * list of the module (a module with none, or that never tests a prefix, gives none).
 */
export function pathListedMiddlewareOf(file: string, code: string): PathListedMiddleware[] {
  if (!code.includes('startsWith') || !/\b(?:req|request|ctx)\.(?:path|url|originalUrl|baseUrl)\b/.test(code)) return [];
  const prefixes = [...code.matchAll(PATH_LIST)].flatMap((match) => [...match[1].matchAll(/['"`](\/[^'"`\s]*)['"`]/g)].map((item) => item[1]));
  const names = [...code.matchAll(EXPORTED_FUNCTION)].map((match) => match[1] ?? match[2]).filter(Boolean);
  return prefixes.length && names.length ? [{ file, names, prefixes }] : [];
}

/** Single-file components the discovery does not list: their imports go unread. */
const UNREAD_VIEW = /\.(?:vue|svelte|astro)$/;

/** Every module specifier: `from '...'`, `require('...')`, `import('...')`, `import '...'`. */
const SPECIFIER = /\bfrom\s*['"]([^'"]+)['"]|\b(?:require|import)\s*\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s+['"]([^'"]+)['"]/gm;

export function moduleImportsOf(file: string, code: string): ModuleImports {
  const files: string[] = [];
  const stems: string[] = [];
  // No prototype: a module's stem may be `constructor` or `toString`.
  const names: Record<string, string[]> = Object.create(null);
  const taken = importedNamesBySpecifier(code);
  const calls = calledMembers(code);
  let unreadViews = false;
  for (const match of code.matchAll(SPECIFIER)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (UNREAD_VIEW.test(specifier)) unreadViews = true;
    let key: string;
    if (specifier.startsWith('.')) {
      const target = moduleFile(file, specifier);
      if (!target) continue;
      files.push(target);
      key = target;
    } else {
      key = moduleStem(specifier);
      stems.push(key);
    }
    // `import './polyfills'` runs the module and takes no name; a load not read by name takes all.
    const quote = match.index! + match[0].lastIndexOf(specifier) - 1;
    const loaded = match[3] !== undefined ? [] : (taken.get(quote) ?? [ALL_NAMES]);
    names[key] = [...new Set([...(names[key] ?? []), ...loaded])];
  }
  // Block comments (` * Payment import (CSV)`) and the text of plain strings say nothing about loading.
  // Lookaheads only, so that no backtracking over the spaces before a literal on its own line (`import(\n './x'\n)`) reads it as computed.
  if (!/\b(?:require|import)\s*\((?=\s*[^\s)])(?!\s*['"][^'"`]*['"]\s*\))/.test(withoutBlockCommentsAndStrings(code))) return { file, files, stems, names, calls, ...(unreadViews ? { unreadViews: true as const } : {}) };
  const under = computedLoadFolders(file, code);
  return { file, files, stems, names, calls, ...(unreadViews ? { unreadViews: true as const } : {}), ...(under ? { dynamicUnder: under } : { dynamic: true as const }) };
}

/** A computed name's fixed relative start: `./routes/` of `` `./routes/${name}` `` or of `'./routes/' + name`. */
const COMPUTED_LOAD = /\b(?:require|import)\s*\(\s*(?=[^\s)])(?!['"][^'"`]*['"]\s*\))(?:['"`](\.{1,2}\/(?:[^'"`$\\/]*\/)*))?/g;

/**
 * The folders a module's computed loads reach (`require(\`../controllers/${type}\`)` loads only
 * modules under controllers/), or undefined when one of them has no fixed relative folder (it may
 * load any module). Read with strings kept, so a load written in a string's text counts as well.
 */
function computedLoadFolders(file: string, code: string): string[] | undefined {
  const folders: string[] = [];
  for (const match of code.replace(/\/\*[\s\S]*?\*\//g, ' ').matchAll(COMPUTED_LOAD)) {
    if (!match[1]) return undefined;
    folders.push(path.resolve(path.dirname(file), match[1]));
  }
  return folders.length ? folders : undefined;
}

/** `/* ... *\/` removed and each plain string literal emptied (`'./x'` -> `''`); templates are kept. */
function withoutBlockCommentsAndStrings(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"/g, "''");
}

/** The name a module is known by: its file's stem, or its folder's for an index file. */
export function moduleStem(specifier: string): string {
  const parts = specifier.replace(/\.[cm]?[jt]sx?$/, '').split(/[\\/]/).filter(Boolean);
  const last = parts[parts.length - 1] ?? '';
  return last === 'index' ? parts[parts.length - 2] ?? last : last;
}
