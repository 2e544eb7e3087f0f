#!/usr/bin/env node
// PHI Guard end to end, in a real VS Code: `npm run test:e2e`.
//
//  1. obtain the toolchain (Node 24 + code-server from the npm registry, Chromium from apt),
//     cached under ~/.cache/phi-guard-e2e/ (lib/setup.mjs);
//  2. `npm run package`, then `code-server --install-extension phi-guard-<version>.vsix` into
//     fresh extension/user-data folders;
//  3. copy test/e2e/workspace/ to a temp folder and serve it with code-server on 127.0.0.1:<free
//     port>, in its own process group;
//  4. drive the workbench in headless Chromium with playwright-core through scenarios.mjs, with a
//     screenshot per scenario in test/e2e/artifacts/ (on success and on failure);
//  5. stop code-server by its pid (process group) whatever happens, and print "N passed, N failed".
//
// Environment:
//   PHI_GUARD_E2E_CACHE=DIR          toolchain cache (default ~/.cache/phi-guard-e2e)
//   PHI_GUARD_E2E_SKIP_PACKAGE=1     install the existing .vsix instead of running `npm run package`
//   PHI_GUARD_E2E_ONLY=a,b           run only these scenarios (by name)
//   PHI_GUARD_E2E_KEEP=1             keep the temp folders (workspace, user data, logs)
//   PHI_GUARD_E2E_UPDATE_DOCS=1      also copy the quick-fix and compliance-report screenshots to docs/images/
//   PHI_GUARD_E2E_SABOTAGE=silent-server | rules-off
//                                    self-test: replace the installed language server with one that
//                                    never publishes diagnostics, or turn every rule off in the user
//                                    settings. The run must then FAIL.

import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureToolchain } from './lib/setup.mjs';
import { assertInstalledLayout, freePort, installExtension, startCodeServer, writeCodeServerConfig, writeUserSettings } from './lib/codeServer.mjs';
import { Workbench } from './lib/ui.mjs';
import { scenarios } from './scenarios.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const artifacts = path.join(here, 'artifacts');
const SCENARIO_TIMEOUT = 180_000;
const RUN_TIMEOUT = 40 * 60_000; // hard stop, far above a cold run, well inside CI's 90 minutes

const t0 = Date.now();
const elapsed = () => `${((Date.now() - t0) / 1000).toFixed(1)}s`;
const log = (msg) => console.log(`[e2e ${elapsed()}] ${msg}`);

const cleanups = [];
let server;
let browser;

function emergencyStop(reason) {
  console.error(`[e2e] ${reason}: stopping code-server and the browser`);
  try {
    server?.killNow();
  } catch {
    /* ignore */
  }
  try {
    const pid = browser?.process?.()?.pid;
    if (pid) process.kill(pid, 'SIGKILL');
  } catch {
    /* ignore */
  }
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    emergencyStop(`received ${signal}`);
    runCleanups();
    process.exit(130);
  });
}
process.on('exit', () => server?.killNow());
const hardStop = setTimeout(() => {
  emergencyStop(`the run exceeded ${RUN_TIMEOUT / 60_000} minutes`);
  process.exit(3);
}, RUN_TIMEOUT);
hardStop.unref();

function runCleanups() {
  for (const cleanup of cleanups.splice(0)) {
    try {
      cleanup();
    } catch {
      /* best effort */
    }
  }
}

function runNpm(args) {
  log(`$ npm ${args.join(' ')}`);
  const r = spawnSync('npm', args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
  if (r.status !== 0) throw new Error(`npm ${args.join(' ')} exited with ${r.status ?? r.signal}`);
}

/**
 * Packages a test-only extension folder of test/e2e/ (inhost-runner/, fake-ai-extension/, noop-extension/) with
 * vsce into `tmp`; returns the .vsix path.
 */
function packageTestExtension(tmp, folder, { name } = {}) {
  const dir = path.join(tmp, name ?? folder);
  cpSync(path.join(here, folder), dir, { recursive: true });
  if (name) {
    // A second copy under another name (and so another extension id).
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ ...manifest, name }, null, 2));
  }
  const vsix = path.join(tmp, `${name ?? folder}.vsix`);
  const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
  const r = spawnSync(process.execPath, [vsce, 'package', '--no-dependencies', '--allow-missing-repository', '--skip-license', '-o', vsix], {
    cwd: dir,
    encoding: 'utf8',
  });
  if (r.status !== 0) throw new Error(`packaging ${folder} failed:\n${r.stdout}${r.stderr}`);
  return vsix;
}

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000}s`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

async function main() {
  const sabotage = process.env.PHI_GUARD_E2E_SABOTAGE || '';
  if (sabotage && !['silent-server', 'rules-off'].includes(sabotage)) throw new Error(`unknown PHI_GUARD_E2E_SABOTAGE=${sabotage}`);
  const only = (process.env.PHI_GUARD_E2E_ONLY || '').split(',').filter(Boolean);
  // `manual` scenarios (investigation aids) run only when named in PHI_GUARD_E2E_ONLY.
  const selected = only.length ? scenarios.filter((s) => only.includes(s.name)) : scenarios.filter((s) => !s.manual);
  if (!selected.length) throw new Error(`PHI_GUARD_E2E_ONLY=${only.join(',')} matches no scenario`);

  // 1. toolchain
  const toolchain = ensureToolchain();
  log(`toolchain: ${toolchain.fresh ? 'installed now' : 'from cache'} (${toolchain.dir})`);
  const { chromium } = await import('playwright-core');

  // 2. package + install
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const vsix = path.join(root, `${pkg.name}-${pkg.version}.vsix`);
  if (process.env.PHI_GUARD_E2E_SKIP_PACKAGE) {
    if (!existsSync(vsix)) throw new Error(`PHI_GUARD_E2E_SKIP_PACKAGE is set but ${vsix} does not exist`);
    log(`using the existing ${path.basename(vsix)}`);
  } else {
    runNpm(['run', 'package']);
  }
  const vsixSize = statSync(vsix).size;
  log(`${path.basename(vsix)}: ${(vsixSize / 1024).toFixed(0)} KB`);

  const tmp = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-e2e-'));
  if (!process.env.PHI_GUARD_E2E_KEEP) cleanups.push(() => rmSync(tmp, { recursive: true, force: true }));
  else log(`keeping ${tmp}`);
  const extensionsDir = path.join(tmp, 'extensions');
  const userDataDir = path.join(tmp, 'user-data');
  const workspace = path.join(tmp, 'workspace');
  const configFile = writeCodeServerConfig(path.join(tmp, 'code-server.yaml'));
  const installed = installExtension(toolchain, {
    configFile,
    extensionsDir,
    userDataDir,
    vsix,
    extensionId: `${pkg.publisher}.${pkg.name}`,
  });
  assertInstalledLayout(installed);
  log(`installed: ${path.relative(tmp, installed)}`);
  // The in-host test runner (inhost-runner/, activated only by a marker file) for test/vscode/suite.
  const runnerVsix = packageTestExtension(tmp, 'inhost-runner');
  installExtension(toolchain, { configFile, extensionsDir, userDataDir, vsix: runnerVsix, extensionId: 'phi-guard-test.phi-guard-inhost-runner' });
  // Shadow AI: a stand-in for Cline (`saoudrizwan.claude-dev`, an id the AI Tools policy
  // prohibits), installed like any extension so the editor lists it. Manifest only, no code.
  const fakeAiVsix = packageTestExtension(tmp, 'fake-ai-extension');
  installExtension(toolchain, { configFile, extensionsDir, userDataDir, vsix: fakeAiVsix, extensionId: 'saoudrizwan.claude-dev' });
  // The activation-time baselines: extensions whose activate() does nothing, timed before and after PHI Guard.
  for (const name of ['phi-guard-noop', 'phi-guard-noop-after']) {
    const vsix = packageTestExtension(tmp, 'noop-extension', { name });
    installExtension(toolchain, { configFile, extensionsDir, userDataDir, vsix, extensionId: `phi-guard-test.${name}` });
  }

  // The open-to-squiggle baseline: one warning on every Python file opened (only where its marker is).
  const squiggleVsix = packageTestExtension(tmp, 'squiggle-extension');
  installExtension(toolchain, { configFile, extensionsDir, userDataDir, vsix: squiggleVsix, extensionId: 'phi-guard-test.phi-guard-squiggle-baseline' });

  if (sabotage === 'silent-server') {
    copyFileSync(path.join(here, 'lib', 'silentServer.cjs'), path.join(installed, 'dist', 'server.js'));
    log('SABOTAGE: the installed dist/server.js never publishes diagnostics; this run must fail');
  }
  const ruleIds = Object.keys(pkg.contributes?.configuration?.properties?.['phiGuard.rules']?.properties ?? {});
  writeUserSettings(
    userDataDir,
    sabotage === 'rules-off' ? { 'phiGuard.rules': Object.fromEntries(ruleIds.map((id) => [id, 'off'])) } : {},
  );
  if (sabotage === 'rules-off') log('SABOTAGE: every rule is off in the user settings; this run must fail');

  cpSync(path.join(here, 'workspace'), workspace, { recursive: true });

  // 3. serve
  mkdirSync(artifacts, { recursive: true });
  for (const old of readdirSync(artifacts)) if (/\.(png|log)$/.test(old)) rmSync(path.join(artifacts, old));
  const port = await freePort();
  server = await startCodeServer(toolchain, {
    port,
    configFile,
    extensionsDir,
    userDataDir,
    workspace,
    logFile: path.join(artifacts, 'code-server.log'),
  });
  log(`code-server ready at ${server.url}`);

  // 4. drive
  browser = await chromium.launch({
    executablePath: toolchain.chromium,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  const context = await browser.newContext({ viewport: { width: 1280, height: 760 } });
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
  const wb = new Workbench(page);
  await withTimeout(wb.waitForWorkbench(), 150_000, 'the workbench to load');
  log('workbench loaded');

  const results = [];
  for (const [index, scenario] of selected.entries()) {
    const prefix = `${String(index + 1).padStart(2, '0')}-${scenario.name}`;
    const ctx = {
      workspace,
      tmp,
      userDataDir,
      root,
      fixture: path.join(here, 'workspace'),
      fixtures: here,
      Workbench,
      artifact: (name) => path.join(artifacts, name),
      openWindow: async (folder) => {
        const other = await context.newPage();
        await other.goto(`${server.url}/?folder=${encodeURIComponent(folder)}`);
        await other.waitForSelector('.monaco-workbench', { timeout: 90_000 });
        return other;
      },
      file: (label) => path.join(artifacts, `${prefix}.${label}.png`),
      screenshot: async (label, options = {}) => {
        const file = path.join(artifacts, `${prefix}.${label}.png`);
        await page.screenshot({ path: file, ...options });
        return file;
      },
    };
    const started = Date.now();
    let error;
    try {
      await withTimeout(scenario.run(wb, ctx), SCENARIO_TIMEOUT, `scenario ${scenario.name}`);
    } catch (e) {
      error = e;
    }
    const shot = path.join(artifacts, `${prefix}${error ? '.FAILED' : ''}.png`);
    await page.mouse.move(900, 640).catch(() => {}); // off tabs and gutters, so no stray tooltip
    await page.screenshot({ path: shot }).catch((e) => log(`screenshot failed: ${e.message}`));
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    results.push({ name: scenario.name, ok: !error, seconds, error });
    if (error) {
      console.log(`✖ ${scenario.name} (${seconds}s): ${scenario.title}\n    ${String(error.stack || error).split('\n').slice(0, 6).join('\n    ')}\n    screenshot: ${path.relative(root, shot)}`);
    } else {
      console.log(`✔ ${scenario.name} (${seconds}s): ${scenario.title}`);
    }
  }

  const docsShot = path.join(artifacts, '03-python-quick-fix.readme.png');
  if (process.env.PHI_GUARD_E2E_UPDATE_DOCS && results.every((r) => r.ok) && existsSync(docsShot)) {
    mkdirSync(path.join(root, 'docs', 'images'), { recursive: true });
    copyFileSync(docsShot, path.join(root, 'docs', 'images', 'quick-fix.png'));
    log(`updated docs/images/quick-fix.png (${(statSync(docsShot).size / 1024).toFixed(0)} KB)`);
  }

  if (results.some((r) => !r.ok) && consoleErrors.length) {
    writeFileSync(path.join(artifacts, 'browser-console.log'), `${consoleErrors.join('\n')}\n`);
  }
  return results;
}

let results = [];
let fatal;
try {
  results = await main();
} catch (error) {
  fatal = error;
} finally {
  await browser?.close().catch(() => {});
  await server?.stop().catch(() => {});
  runCleanups();
}

const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed + (fatal ? 1 : 0);
if (fatal) console.log(`✖ harness: ${String(fatal.stack || fatal).split('\n').slice(0, 8).join('\n    ')}`);
console.log(`\nPHI Guard e2e: ${passed} passed, ${failed} failed (${elapsed()}; artifacts in ${path.relative(process.cwd(), artifacts) || artifacts})`);
process.exitCode = failed ? 1 : 0;
