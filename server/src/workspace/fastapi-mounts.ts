// FastAPI dependencies that sit in another file than the routes they cover (the audit context,
// engine/model/audit-context.ts): `app = FastAPI(dependencies=[Depends(x)])` and
// `app.include_router(patients.router, dependencies=[Depends(x)])` in `main.py`. Read from the
// text with small patterns; the router's module is found from the mounting file's imports.

import { existsSync } from 'node:fs';
import * as path from 'node:path';
import type { FastApiApp, FastApiMount } from '../engine/model/audit-context';
import { untilClosingParenthesis } from '../policy/audit-candidates';

const APP = /^\s*([A-Za-z_]\w*)\s*(?::[^=\n]*)?=\s*(?:fastapi\.)?FastAPI\s*\(/gm;
const INCLUDE = /\.include_router\s*\(/g;
const DEPENDENCY = /\b(?:Depends|Security)\s*\(\s*(?:dependency\s*=\s*)?([A-Za-z_][\w.]*)/g;
/** `from x import a, b` on one line, or `from x import (\n a,\n b,\n)` in parentheses. */
const FROM_IMPORT = /^[ \t]*from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+(?:\(([^)]*)\)|([^\n(]+))/gm;
const IMPORT_AS = /^\s*import\s+([\w.]+)(?:\s+as\s+(\w+))?/gm;

export function fastapiAppsOf(file: string, code: string): FastApiApp[] {
  if (!code.includes('FastAPI')) return [];
  return [...code.matchAll(APP)].map((match) => ({
    file,
    projectRoot: pythonProjectRoot(file),
    dependencies: dependencyNames(untilClosingParenthesis(code.slice((match.index ?? 0) + match[0].length))),
  }));
}

export function fastapiMountsOf(file: string, code: string): FastApiMount[] {
  if (!code.includes('include_router')) return [];
  const imports = importedNames(file, code);
  const mounts: FastApiMount[] = [];
  for (const match of code.matchAll(INCLUDE)) {
    const args = untilClosingParenthesis(code.slice((match.index ?? 0) + match[0].length));
    const dependencies = dependencyNames(args);
    const target = /^\s*([A-Za-z_][\w.]*)\s*(?:,|$)/.exec(args)?.[1];
    if (!target) continue;
    const debugOnly = underDebugSwitch(code, match.index ?? 0);
    // Every mount is kept, so that a router mounted only under a debug switch is known to be one;
    // one whose module the imports do not resolve is kept by its name alone (no file).
    const router = resolveRouter(target, imports) ?? { routerFile: '', routerName: target.split('.').pop()! };
    mounts.push({ file, ...router, dependencies, ...(debugOnly ? { debugOnly } : {}) });
  }
  return mounts;
}

/** A condition that turns on development tooling: `if settings.DEBUG:`, `if os.getenv("DEBUG", "false").lower() == "true":`. */
const DEBUG_SWITCH = /^if\s+(?!not\b)[^\n]*\bdebug\b[^\n]*:\s*$/i;

/** A negated or production test (`!=`, `not`, `== "False"`, `is None`): its branch is the production one. */
const NOT_DEBUG = /!=|\bnot\b|(?:==|\bis\b)\s*["']?(?:false|0|none|no|off)\b/i;

/**
 * Whether the statement at `offset` runs only under a debug switch: the nearest enclosing block
 * (a `try:` looked through) is an `if` testing a debug flag. An `else:` or any other block is not.
 */
function underDebugSwitch(code: string, offset: number): boolean {
  const lineStart = code.lastIndexOf('\n', offset) + 1;
  let indent = /^[ \t]*/.exec(code.slice(lineStart))![0].length;
  const before = code.slice(0, lineStart).split('\n').reverse();
  for (const line of before) {
    if (!line.trim()) continue;
    const own = line.length - line.trimStart().length;
    if (own >= indent) continue;
    const statement = line.trim();
    if (statement === 'try:') {
      indent = own;
      continue;
    }
    return DEBUG_SWITCH.test(statement) && !NOT_DEBUG.test(statement);
  }
  return false;
}

/** Local name -> the module file it is, or the module file and name it was imported from. */
type Imported = { kind: 'module'; file: string } | { kind: 'name'; file: string; name: string };

function importedNames(file: string, code: string): Map<string, Imported> {
  const names = new Map<string, Imported>();
  for (const match of code.matchAll(FROM_IMPORT)) {
    const base = match[1];
    for (const part of (match[2] ?? match[3]).split(',')) {
      const [name, alias] = part.trim().split(/\s+as\s+/);
      if (!name || !/^\w+$/.test(name)) continue;
      const local = (alias ?? name).trim();
      // `from app.routers import patients`: a module; `from app.routers.patients import router`: a name in one.
      const asModule = moduleFile(file, base.endsWith('.') ? `${base}${name}` : `${base}.${name}`);
      if (asModule) names.set(local, { kind: 'module', file: asModule });
      else {
        const owner = moduleFile(file, base);
        if (owner) names.set(local, { kind: 'name', file: owner, name });
      }
    }
  }
  for (const match of code.matchAll(IMPORT_AS)) {
    const target = moduleFile(file, match[1]);
    if (target && match[2]) names.set(match[2], { kind: 'module', file: target });
  }
  return names;
}

function resolveRouter(target: string, imports: Map<string, Imported>): { routerFile: string; routerName: string } | undefined {
  const parts = target.split('.');
  const imported = imports.get(parts[0]);
  if (!imported) return undefined;
  if (imported.kind === 'module' && parts.length === 2) return { routerFile: imported.file, routerName: parts[1] };
  if (imported.kind === 'name' && parts.length === 1) return { routerFile: imported.file, routerName: imported.name };
  return undefined;
}

/** The file of a dotted module, absolute (`app.routers.patients`) or relative (`.routers.patients`) to `from`. */
function moduleFile(from: string, module: string): string | undefined {
  const dots = /^\.*/.exec(module)?.[0].length ?? 0;
  let base: string;
  if (dots > 0) {
    base = path.dirname(from);
    for (let level = 1; level < dots; level++) base = path.dirname(base);
  } else base = pythonProjectRoot(from);
  const rest = module.slice(dots).split('.').filter(Boolean);
  if (!rest.length) return undefined;
  const stem = path.join(base, ...rest);
  if (existsSync(`${stem}.py`)) return `${stem}.py`;
  if (existsSync(path.join(stem, '__init__.py'))) return path.join(stem, '__init__.py');
  return undefined;
}

/** The folder dotted module names start from: above every package folder (those with `__init__.py`). */
export function pythonProjectRoot(file: string): string {
  let folder = path.dirname(file);
  while (existsSync(path.join(folder, '__init__.py')) && path.dirname(folder) !== folder) folder = path.dirname(folder);
  return folder;
}

function dependencyNames(args: string): string[] {
  return [...new Set([...args.matchAll(DEPENDENCY)].map((match) => match[1].split('.').pop() ?? '').filter(Boolean))];
}
