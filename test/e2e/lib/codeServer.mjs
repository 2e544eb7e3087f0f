// code-server (VS Code in a browser) as the host of the packaged extension: install the .vsix the
// way a user does (`--install-extension`), serve a workspace on loopback in its own process
// group, and stop that group by pid whatever happens.

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { waitUntil } from './wait.mjs';

const log = (msg) => console.log(`[e2e code-server] ${msg}`);

/** `code-server --install-extension <vsix>` into fresh dirs; returns the installed folder. */
export function installExtension(toolchain, { configFile, extensionsDir, userDataDir, vsix, extensionId }) {
  mkdirSync(extensionsDir, { recursive: true });
  mkdirSync(userDataDir, { recursive: true });
  const args = [toolchain.codeServer, '--config', configFile, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir, '--install-extension', vsix];
  log(`$ code-server --install-extension ${path.basename(vsix)}`);
  const r = spawnSync(toolchain.node, args, { env: toolchain.env, encoding: 'utf8', timeout: 180_000 });
  const output = `${r.stdout ?? ''}${r.stderr ?? ''}`.trim();
  if (output) log(output.split('\n').map((l) => `  ${l}`).join('\n').trimStart());
  if (r.error) throw new Error(`code-server --install-extension failed to run: ${r.error.message}`);
  if (r.status !== 0) throw new Error(`code-server --install-extension exited with ${r.status ?? r.signal}`);
  const installed = readdirSync(extensionsDir).find((name) => name.toLowerCase().startsWith(`${extensionId.toLowerCase()}-`));
  if (!installed) throw new Error(`${extensionId} is not in ${extensionsDir} after --install-extension`);
  return path.join(extensionsDir, installed);
}

/**
 * code-server's own config file, in the temp folder: without `--config` it writes
 * ~/.config/code-server/config.yaml (with a generated password) on first start.
 */
export function writeCodeServerConfig(file) {
  writeFileSync(file, 'auth: none\ncert: false\n');
  return file;
}

/** A free loopback port (the OS picks it). */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** User settings that keep the workbench quiet and predictable for a UI test. */
export function writeUserSettings(userDataDir, extra = {}) {
  const dir = path.join(userDataDir, 'User');
  mkdirSync(dir, { recursive: true });
  const settings = {
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    'workbench.welcomePage.walkthroughs.openOnInstall': false,
    'chat.disableAIFeatures': true,
    'chat.commandCenter.enabled': false,
    'security.workspace.trust.enabled': false,
    'telemetry.telemetryLevel': 'off',
    'update.mode': 'none',
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'git.enabled': false,
    'files.autoSave': 'off',
    'editor.minimap.enabled': false,
    'editor.hover.delay': 100,
    'editor.lightbulb.enabled': 'on',
    'editor.fontSize': 15,
    'window.zoomLevel': 0,
    ...extra,
  };
  writeFileSync(path.join(dir, 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

/**
 * Starts code-server serving `workspace`; resolves once it answers HTTP. The child leads its own
 * process group (detached), so `stop()` ends it and every process it started (extension host,
 * language server) with one signal to -pid.
 */
export async function startCodeServer(toolchain, { port, configFile, extensionsDir, userDataDir, workspace, logFile }) {
  const args = [
    toolchain.codeServer,
    '--config', configFile,
    '--auth', 'none',
    '--bind-addr', `127.0.0.1:${port}`,
    '--disable-telemetry',
    '--disable-update-check',
    '--disable-workspace-trust',
    '--disable-getting-started-override',
    '--extensions-dir', extensionsDir,
    '--user-data-dir', userDataDir,
    workspace,
  ];
  const out = createWriteStream(logFile);
  const child = spawn(toolchain.node, args, {
    env: { ...toolchain.env, PASSWORD: undefined, HASHED_PASSWORD: undefined },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.pipe(out);
  child.stderr.pipe(out);
  let exited = null;
  let gone = false; // the whole process group is known to be dead
  child.on('exit', (code, signal) => {
    exited = { code, signal };
  });
  log(`started pid ${child.pid} on http://127.0.0.1:${port} (log: ${logFile})`);

  const handle = {
    pid: child.pid,
    url: `http://127.0.0.1:${port}`,
    get exited() {
      return exited;
    },
    /**
     * SIGTERM to the process group (code-server, its extension hosts, the language server), then
     * SIGKILL for whatever is left after `graceMs`.
     */
    async stop(graceMs = 5000) {
      if (gone) return;
      killGroup(child.pid, 'SIGTERM');
      try {
        await waitUntil(() => !groupAlive(child.pid), { timeout: graceMs, interval: 100, what: 'the code-server process group to exit' });
      } catch {
        killGroup(child.pid, 'SIGKILL');
        await waitUntil(() => !groupAlive(child.pid), { timeout: 5000, interval: 100, what: 'the code-server process group to die' }).catch(() => {});
      }
      gone = !groupAlive(child.pid);
      log(`stopped pid ${child.pid} and its process group${gone ? '' : ' (some processes may remain!)'}`);
    },
    /** For exit/signal handlers: synchronous, no waiting. */
    killNow() {
      if (gone) return;
      killGroup(child.pid, 'SIGKILL');
      gone = true;
    },
  };

  await waitUntil(
    async () => {
      if (exited) throw new Error(`code-server exited early (${exited.code ?? exited.signal}); see ${logFile}`);
      try {
        const res = await fetch(`${handle.url}/healthz`, { signal: AbortSignal.timeout(2000) });
        return res.ok;
      } catch {
        return false;
      }
    },
    { timeout: 60_000, interval: 250, what: 'code-server to answer /healthz' },
  );
  return handle;
}

function killGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
  } catch {
    /* already gone */
  }
}

function groupAlive(pid) {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function assertInstalledLayout(extensionFolder) {
  for (const file of ['package.json', 'dist/extension.js', 'dist/server.js', 'dist/server-main.js']) {
    if (!existsSync(path.join(extensionFolder, file))) throw new Error(`the installed extension lacks ${file}`);
  }
}
