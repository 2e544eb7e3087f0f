#!/usr/bin/env node
// In-host integration tests: `npm run test:vscode`. Downloads VS Code (the minimum supported
// version from package.json `engines.vscode`, and current stable) with @vscode/test-electron and
// runs test/vscode/suite/ (mocha) inside its extension host against a copy of the e2e fixture
// workspace. Not part of `npm test`: it needs update.code.visualstudio.com, which the build machine
// cannot reach. Offline it fails at once with a clear message instead of hanging.
//
// Environment:
//   PHI_GUARD_VSCODE_VERSIONS=1.91.0,stable   which versions to run (default: engines minimum + stable)
//   PHI_GUARD_VSCODE_CACHE=DIR                where downloads are kept (default ~/.cache/phi-guard-vscode-test)
// On Linux without a display, run it under `xvfb-run -a npm run test:vscode`.

import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..', '..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const minimum = pkg.engines.vscode.replace(/^[^\d]*/, '');
const versions = (process.env.PHI_GUARD_VSCODE_VERSIONS || `${minimum},stable`).split(',').map((v) => v.trim()).filter(Boolean);
const cachePath = process.env.PHI_GUARD_VSCODE_CACHE || path.join(os.homedir(), '.cache', 'phi-guard-vscode-test');
const UPDATE_HOST = 'https://update.code.visualstudio.com/api/releases/stable';

async function assertOnline() {
  try {
    const res = await fetch(UPDATE_HOST, { signal: AbortSignal.timeout(15_000) });
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
  } catch (error) {
    const cached = versions.every((v) => v !== 'stable');
    const message =
      `test:vscode needs to download VS Code from ${new URL(UPDATE_HOST).host}, which is not reachable (${error.cause?.code ?? error.message}).\n` +
      'Run it where the internet is reachable, or use `npm run test:e2e` (code-server, no download).';
    if (!cached) {
      console.error(`✖ ${message}`);
      process.exit(2);
    }
    console.warn(`! ${message}\n  Trying the cache in ${cachePath} for ${versions.join(', ')}.`);
  }
}

if (process.platform === 'linux' && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
  console.warn('! no DISPLAY: VS Code (Electron) needs one; run under `xvfb-run -a npm run test:vscode` if it fails to start.');
}

await assertOnline();

const failures = [];
for (const version of versions) {
  const workspace = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-vscode-'));
  cpSync(path.join(root, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-vscode-user-'));
  try {
    console.log(`\n== VS Code ${version} ==`);
    const vscodeExecutablePath = await downloadAndUnzipVSCode({ version, cachePath, timeout: 60_000 });
    const code = await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: root,
      extensionTestsPath: path.join(here, 'suite', 'index.cjs'),
      extensionTestsEnv: { PHI_GUARD_TEST_WORKSPACE: workspace },
      launchArgs: [
        workspace,
        '--disable-extensions', // only the extension under development
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-gpu',
        '--no-sandbox',
        `--user-data-dir=${userDataDir}`,
      ],
    });
    if (code !== 0) failures.push(`${version}: exit ${code}`);
  } catch (error) {
    failures.push(`${version}: ${error?.message ?? error}`);
  } finally {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}

if (failures.length) {
  console.error(`\n✖ test:vscode failed on ${failures.length} of ${versions.length} VS Code version(s):\n  ${failures.join('\n  ')}`);
  process.exit(1);
}
console.log(`\n✔ test:vscode passed on VS Code ${versions.join(', ')}`);
