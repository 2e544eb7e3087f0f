// The extension manifest (package.json) and the files it points at: what VS Code needs to
// activate PHI Guard, show its commands and settings, validate the policy file and offer snippets.

import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { registeredRules } from '../../dist/engine.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const contributes = manifest.contributes ?? {};

// The rule registry is the one list of rules; package.json's rule settings are generated from it.
const RULE_IDS = registeredRules().map((rule) => rule.metadata.id);
const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact'];

test('identity: name, display name, version, engine, entry point, CLI bin', () => {
  assert.equal(manifest.name, 'phi-guard');
  assert.equal(manifest.displayName, 'PHI Guard');
  assert.match(manifest.version, /^\d+\.\d+\.\d+$/);
  assert.ok(manifest.publisher, 'publisher is required by vsce');
  assert.equal(manifest.engines?.vscode, '^1.91.0');
  assert.equal(manifest.main, './dist/extension.js');
  assert.deepEqual(manifest.bin, { 'phi-guard': 'dist/cli.js' });
  assert.equal(manifest.license, 'MIT');
  assert.ok(existsSync(path.join(root, 'LICENSE')));
});

test('icon is a PNG that exists', () => {
  assert.match(manifest.icon, /\.png$/);
  const bytes = readFileSync(path.join(root, manifest.icon));
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('activation is lazy: per language and on a policy file, never "*"', () => {
  const events = manifest.activationEvents;
  assert.ok(Array.isArray(events) && events.length > 0);
  assert.ok(!events.includes('*'), 'activationEvents must not contain "*"');
  assert.ok(!events.includes('onStartupFinished'), 'PHI Guard has no reason to start without a file');
  for (const language of LANGUAGES) assert.ok(events.includes(`onLanguage:${language}`), `onLanguage:${language}`);
  assert.ok(events.includes('workspaceContains:**/phi-guard.json'));
});

test('every command has the PHI Guard category and a title', () => {
  const commands = contributes.commands ?? [];
  const ids = commands.map((command) => command.command);
  for (const id of ['phiGuard.restartServer', 'phiGuard.showOutput', 'phiGuard.fixAllInFile']) {
    assert.ok(ids.includes(id), `command ${id} is contributed`);
  }
  for (const command of commands) {
    assert.equal(command.category, 'PHI Guard', `${command.command} category`);
    assert.ok(command.title && !command.title.startsWith('PHI Guard'), `${command.command} title (the category is shown already)`);
  }
  assert.equal(new Set(ids).size, ids.length, 'command ids are unique');
});

test('commands match the ids of the shared protocol module, both ways', () => {
  const protocol = readFileSync(path.join(root, 'server', 'src', 'protocol', 'commands.ts'), 'utf8');
  const commandsBlock = protocol.slice(protocol.indexOf('export const Commands = {'), protocol.indexOf('} as const;'));
  const protocolIds = [...commandsBlock.matchAll(/:\s*'(phiGuard\.[A-Za-z]+)'/g)].map((match) => match[1]);
  const ids = (contributes.commands ?? []).map((command) => command.command);
  assert.ok(protocolIds.length > 0, 'the protocol lists its command ids');
  for (const id of protocolIds) assert.ok(ids.includes(id), `protocol command ${id} is contributed in package.json`);
  for (const id of ids) assert.ok(protocolIds.includes(id), `contributed command ${id} is in the protocol's Commands`);
});

test('settings exist with the right types and scopes', () => {
  const properties = contributes.configuration?.properties ?? {};
  const expect = {
    'phiGuard.enable': ['boolean', 'resource'],
    'phiGuard.policyPath': ['string', 'resource'],
    'phiGuard.maxFileSizeKb': ['number', 'resource'],
    'phiGuard.rules': ['object', 'resource'],
    'phiGuard.trace.server': ['string', 'window'],
  };
  for (const [key, [type, scope]] of Object.entries(expect)) {
    assert.ok(properties[key], `setting ${key} exists`);
    assert.equal(properties[key].type, type, `${key} type`);
    assert.equal(properties[key].scope, scope, `${key} scope`);
    assert.ok('default' in properties[key], `${key} has a default`);
  }
  assert.deepEqual(properties['phiGuard.trace.server'].enum, ['off', 'messages', 'verbose']);
  const ruleSettings = properties['phiGuard.rules'].properties ?? {};
  assert.ok(RULE_IDS.length >= 9, 'the registry lists the rules');
  assert.deepEqual(Object.keys(ruleSettings), RULE_IDS, 'phiGuard.rules lists every rule id, in registry order');
  for (const id of RULE_IDS) assert.deepEqual(ruleSettings[id].enum, ['error', 'warning', 'info', 'off']);
  for (const key of Object.keys(properties)) assert.match(key, /^phiGuard\./, `${key} uses the phiGuard. prefix`);
});

test('phi-guard.json is validated by the shipped JSON schema', () => {
  const entries = contributes.jsonValidation ?? [];
  const entry = entries.find((item) => item.fileMatch === 'phi-guard.json' || item.fileMatch?.includes?.('phi-guard.json'));
  assert.ok(entry, 'jsonValidation entry for phi-guard.json');
  assert.equal(entry.url, './schemas/phi-guard.schema.json');
});

test('phi-guard.json is JSON with comments, so the commented entries `init` writes are not errors', () => {
  const languages = contributes.languages ?? [];
  const jsonc = languages.filter((language) => language.id === 'jsonc');
  assert.ok(jsonc.some((language) => (language.filenames ?? []).includes('phi-guard.json')), 'phi-guard.json is declared under the jsonc language');
  // No other language claims the file, and the extension does not redefine jsonc itself.
  assert.ok(languages.every((language) => language.id === 'jsonc' || !(language.filenames ?? []).includes('phi-guard.json')));
  assert.ok(jsonc.every((language) => !language.configuration && !language.extensions?.length));
});

test('snippets exist for every analysed language and are valid JSON', () => {
  const snippets = contributes.snippets ?? [];
  for (const language of LANGUAGES) {
    assert.ok(snippets.some((entry) => entry.language === language), `snippets for ${language}`);
  }
  for (const entry of snippets) {
    const file = path.join(root, entry.path);
    assert.ok(existsSync(file), `${entry.path} exists`);
    const body = JSON.parse(readFileSync(file, 'utf8'));
    assert.equal(typeof body, 'object');
  }
});

test('workspace trust and virtual workspaces are declared', () => {
  assert.equal(manifest.capabilities?.untrustedWorkspaces?.supported, true);
  assert.equal(manifest.capabilities?.virtualWorkspaces?.supported ?? manifest.capabilities?.virtualWorkspaces, false);
});

test('packaging: pinned vsce, one "files" whitelist for the .vsix and the npm package that ships no sources, maps or the test bundle', () => {
  assert.ok(manifest.devDependencies?.['@vscode/vsce'], '@vscode/vsce is a pinned devDependency');
  assert.match(manifest.scripts?.package ?? '', /vsce package --no-dependencies/);
  // vsce refuses a .vscodeignore next to "files", so "files" is the one list.
  assert.ok(!existsSync(path.join(root, '.vscodeignore')), '"files" and .vscodeignore cannot be combined');
  const included = manifest.files ?? [];
  for (const required of ['dist/extension.js', 'dist/client-language.js', 'dist/server.js', 'dist/server-main.js', 'dist/cli.js', 'dist/scan-worker.js', 'dist/*.wasm', 'README.md', 'LICENSE', 'icon.png']) {
    assert.ok(included.includes(required), `"files" includes ${required}`);
  }
  for (const pattern of included) {
    assert.ok(!/engine\.js|\.map$|node_modules|src\/|test\/|^dist\/\*\*?$/.test(pattern), `"files" must not include ${pattern}`);
  }
  // The client's one lazily loaded bundle (client/src/lazy.ts) is built beside dist/extension.js;
  // the policy loader and the scaffold generator run in the server, so no bundle of theirs ships.
  const lazy = readFileSync(path.join(root, 'client/src/lazy.ts'), 'utf8');
  const bundles = [...lazy.matchAll(/'(client-[a-z]+\.js)'/g)].map((match) => match[1]);
  assert.deepEqual(bundles, ['client-language.js']);
  for (const bundle of bundles) assert.ok(existsSync(path.join(root, 'dist', bundle)), `npm run build writes dist/${bundle}`);
  const build = readFileSync(path.join(root, 'esbuild.mjs'), 'utf8');
  for (const dropped of ['client-policy.js', 'client-scaffold.js']) assert.ok(!build.includes(dropped), `esbuild.mjs no longer builds ${dropped}`);
});

test('dist/extension.js holds the client and the protocol only: no engine, policy loader or generator code', async () => {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'client/src/extension.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
    write: false,
    metafile: true,
    outfile: path.join(root, 'dist', 'extension-check.js'),
    logLevel: 'error',
  });
  const inputs = Object.keys(result.metafile.inputs);
  const foreign = inputs.filter((input) => !input.startsWith('client/src/') && !input.startsWith('server/src/protocol/'));
  assert.deepEqual(foreign, [], 'only client/src and server/src/protocol are bundled at activation');
  const bytes = Object.values(result.metafile.outputs).reduce((sum, output) => sum + (output.bytes ?? 0), 0);
  assert.ok(bytes < 80 * 1024, `the activation bundle stays small (${bytes} bytes unminified)`);
});
