// dist/server.js: starts the language server (dist/server-main.js) through V8's code cache.
// A fresh server otherwise compiles its 2 MB bundle, and then every engine function the first
// analysis calls, before the first diagnostics: the cache holds that bytecode from the last run,
// so spawn -> first diagnostics is shorter (docs/performance.md, "First diagnostic").
// The cache is only an accelerator: V8 rejects one that does not match the bundle or itself
// (and compiles as usual), and any failure here falls back to a plain require().
// Where: PHI_GUARD_CODE_CACHE_DIR (the extension passes its global storage), else `.code-cache`
// beside the bundle. Either must be a folder only this user can write, not a link: bytecode read
// from a cache is run, and V8's check of it is a sanity check against its source's length, not a
// signature, so a folder in the shared temp directory would let a planted file into the editor.
// Beside the bundle adds no such way in: whoever can write there can replace the bundle itself.
// PHI_GUARD_NO_CODE_CACHE=1 turns it off.

import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as vm from 'node:vm';

const main = path.join(__dirname, 'server-main.js');
/** When the cache is first written: after a start's first diagnostics, on any machine. */
const CACHE_FIRST_WRITE_MS = 20_000;

/** A folder only this user can write, and not a link (always, where there are no uids). */
function isOwnFolder(dir: string): boolean {
  const stat = fs.lstatSync(dir);
  const uid = process.getuid?.();
  return stat.isDirectory() && (uid === undefined || (stat.uid === uid && (stat.mode & 0o022) === 0));
}

function cacheDirectory(): string | undefined {
  const chosen = process.env.PHI_GUARD_CODE_CACHE_DIR;
  if (!chosen && !isOwnFolder(__dirname)) return undefined;
  const dir = chosen || path.join(__dirname, '.code-cache');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  return isOwnFolder(dir) ? dir : undefined;
}

/** The cache file of this bundle (its size and time) under this runtime. */
function cacheFileFor(bundle: fs.Stats): string | undefined {
  const dir = cacheDirectory();
  if (!dir) return undefined;
  const key = `${process.version}-${process.arch}-${bundle.size}-${Math.round(bundle.mtimeMs)}`.replace(/[^\w.-]/g, '_');
  return path.join(dir, `server-${key}.bin`);
}

function readCache(file: string | undefined): Buffer | undefined {
  try {
    return file ? fs.readFileSync(file) : undefined;
  } catch {
    return undefined;
  }
}

/** At exit: the bytecode of everything this run compiled (what was cached and what it added). */
function writeCache(file: string, script: vm.Script): void {
  try {
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, script.createCachedData(), { mode: 0o600 });
    fs.renameSync(temporary, file);
    // Caches of other bundles or runtimes (an updated extension) are never read again.
    const dir = path.dirname(file);
    for (const other of fs.readdirSync(dir)) {
      if (/^server-.*\.bin$/.test(other) && other !== path.basename(file)) fs.rmSync(path.join(dir, other), { force: true });
    }
  } catch {
    // Next start compiles as usual.
  }
}

function start(): void {
  if (process.env.PHI_GUARD_NO_CODE_CACHE === '1') {
    require(main);
    return;
  }
  let run: (() => void) | undefined;
  try {
    const source = fs.readFileSync(main, 'utf8');
    const cacheFile = cacheFileFor(fs.statSync(main));
    const script = new vm.Script(Module.wrap(source), {
      filename: main,
      cachedData: readCache(cacheFile),
      // The bundle has no dynamic import() on its paths; this keeps one working where Node supports it.
      ...(vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER ? { importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER } : {}),
    } as vm.ScriptOptions);
    const wrapper = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
    const bundle = new Module(main, module);
    bundle.filename = main;
    bundle.paths = module.paths;
    if (cacheFile) {
      // Once the first analyses have compiled the engine (an editor may keep a server for days,
      // or end it without a clean exit), and again at exit with whatever came later.
      setTimeout(() => writeCache(cacheFile, script), CACHE_FIRST_WRITE_MS).unref();
      process.on('exit', () => writeCache(cacheFile, script));
    }
    run = () => wrapper.call(bundle.exports, bundle.exports, Module.createRequire(main), bundle, main, __dirname);
  } catch {
    run = undefined;
  }
  if (run) run();
  else require(main);
}

start();
