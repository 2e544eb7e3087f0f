// Policy file loading, validation, extends, merging and defaults (docs/policy.md).
// Run after `node esbuild.mjs`: node --test test/unit/policy.test.mjs

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ignore from 'ignore';
import {
  RULE_IDS,
  clearPolicyCache,
  createIgnoreMatcher,
  daysUntilExpiry,
  defaultPolicy,
  effectiveBaa,
  extendsOutside,
  findPolicyFile,
  isBaaExpiringSoon,
  isIgnoredByPolicy,
  loadPolicyFile,
  loadPolicyForFile,
  policyOverrides,
  registeredRules,
  starterPolicyText,
  validatePolicyText,
} from '../../dist/engine.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, '..', 'fixtures', 'policy');
const fixture = (...parts) => path.join(fixtures, ...parts);
const schema = JSON.parse(readFileSync(path.join(here, '..', '..', 'schemas', 'phi-guard.schema.json'), 'utf8'));

const scratch = mkdtempSync(path.join(tmpdir(), 'phi-guard-policy-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A fresh folder under the scratch folder, with the given files. */
let folderCount = 0;
function scratchFolder(files = {}) {
  const folder = path.join(scratch, `case-${++folderCount}`);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
    writeFileSync(path.join(folder, name), text);
  }
  mkdirSync(folder, { recursive: true });
  return folder;
}

const range = (line, character, endLine, endCharacter) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

/** What a loaded file with no valid content resolves to: the defaults, with no ignore patterns. */
/** The defaults as a policy file in `folder` gives them: its test-code globs are relative to that folder. */
const defaultsAsLoaded = (folder) => ({ ...defaultPolicy(), ignoreGroups: [], testCode: { ...defaultPolicy().testCode, base: folder } });

describe('the full example of docs/policy.md', () => {
  const file = fixture('full', 'phi-guard.json');
  const loaded = loadPolicyFile(file);
  const { policy } = loaded;

  test('loads with no diagnostics, reading the policy then the file it extends', () => {
    assert.deepEqual(loaded.diagnostics, []);
    assert.equal(loaded.file, file);
    assert.deepEqual(loaded.files, [file, fixture('full', 'security', 'org-policy.json')]);
  });

  test('applies every section', () => {
    assert.deepEqual(policy.phi.add, [{ name: 'aadhar_number', category: 'demographics', encrypt: true }]);
    assert.deepEqual(policy.phi.remove, ['email']);
    assert.deepEqual(policy.phi.recordNames, ['patient', 'member', 'beneficiary']);
    assert.deepEqual(policy.audit.typescript, {
      middleware: 'phiAccess',
      decorator: 'PhiAccess',
      module: '@/security/phi-access',
      otherMiddleware: [],
      guards: [],
      wrappers: [],
      calls: [],
    });
    assert.deepEqual(policy.roles, { clinician: ['clinical', 'demographics'], billing: ['billing', 'demographics'], admin: ['*'] });
    assert.deepEqual(policy.encryption, {
      types: ['EncryptedType', 'StringEncryptedType', 'EncryptedString'],
      required: ['ssn', 'diagnosis'],
    });
    assert.deepEqual(policy.secureDebug, { python: 'app.security.debug.phi_debug', typescript: 'phiDebug' });
    assert.deepEqual(
      policy.aiTools.map((tool) => [tool.id, tool.status, tool.phi]),
      [
        ['copilot-business', 'approved', 'never'],
        ['chatgpt-consumer', 'prohibited', 'never'],
      ],
    );
    assert.deepEqual(policy.aiTools[0].extensionIds, ['GitHub.copilot', 'GitHub.copilot-chat']);
  });

  test('merges the extended org policy first and this file last', () => {
    // Lists concatenate, extended file first.
    assert.deepEqual(policy.phi.sanitizers, ['org_scrub', 'scrub_phi', 'maskSsn']);
    assert.deepEqual(policy.phi.safeIdentifiers, ['request_id', 'patient_id', 'event_type', 'timestamp', 'user_id']);
    // Vendors merge by id: this file's `sentry` (pending) replaces the org's (signed) in its place.
    assert.deepEqual(
      policy.vendors.map((vendor) => [vendor.id, vendor.baa]),
      [
        ['sentry', 'pending'],
        ['slack', 'none'],
        ['openai', 'signed'],
        ['datadog', 'none'],
      ],
    );
    assert.equal(policy.vendors[0].expires, undefined, 'a later vendor entry replaces the earlier one as a whole');
    assert.deepEqual(policy.vendors[2].models, ['gpt-4.1', 'gpt-4.1-mini']);
    // Rules merge by key.
    assert.deepEqual(policy.rules, {
      'phi-in-log': 'error',
      'hardcoded-ai-key': 'error',
      'unencrypted-phi-field': 'warning',
      'phi-access-mismatch': 'off',
    });
  });

  test('keeps ignore patterns relative to the file that declared them', () => {
    assert.deepEqual(policy.ignore, ['security/generated/**', 'tests/fixtures/**', '**/migrations/**']);
    assert.deepEqual(policy.ignoreGroups, [
      { base: fixture('full', 'security'), patterns: ['generated/**'] },
      { base: fixture('full'), patterns: ['tests/fixtures/**', '**/migrations/**'] },
    ]);
    const root = fixture('full');
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'security', 'generated', 'x.py')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'generated', 'x.py')), false);
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'tests', 'fixtures', 'a', 'b.py')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'app', 'db', 'migrations', '0001.py')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'app', 'main.py')), false);
  });
});

describe('defaults', () => {
  test('apply when there is no policy file', () => {
    const folder = scratchFolder({ 'src/app.py': 'print(1)\n' });
    const loaded = loadPolicyForFile(path.join(folder, 'src', 'app.py'), { stopAt: folder });
    assert.equal(loaded.file, undefined);
    assert.deepEqual(loaded.files, []);
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.policy, defaultPolicy());
  });

  test('match docs/policy.md, "Defaults (no file)"', () => {
    const policy = defaultPolicy();
    assert.equal(policy.audit.python.decorator, 'phi_access');
    assert.equal(policy.audit.typescript.middleware, 'phiAccess');
    assert.equal(policy.audit.typescript.decorator, 'PhiAccess');
    assert.deepEqual(policy.roles, { clinician: ['clinical', 'demographics'], billing: ['billing', 'demographics'], admin: ['*'] });
    assert.deepEqual(policy.encryption.required, ['ssn', 'diagnosis']);
    assert.deepEqual(policy.vendors, []);
    assert.deepEqual(policy.aiTools, []);
  });
});

describe('invalid JSON', () => {
  test('is reported at the exact position and the defaults apply', () => {
    const file = fixture('invalid-json', 'phi-guard.json');
    const loaded = loadPolicyFile(file);
    assert.equal(loaded.diagnostics.length, 1);
    const [diagnostic] = loaded.diagnostics;
    assert.equal(diagnostic.code, 'invalid-json');
    assert.equal(diagnostic.severity, 'error');
    assert.equal(diagnostic.file, file);
    // The comma is missing before `"phi-in-error"` on line 5 (0-based 4), column 5 (0-based 4).
    assert.deepEqual(diagnostic.range, range(4, 4, 4, 18));
    assert.match(diagnostic.message, /comma/);
    // The broken file turned two rules off; none of it applies.
    assert.deepEqual(loaded.policy, defaultsAsLoaded(path.dirname(file)));
  });

  test('positions count UTF-16 code units, \\r\\n line breaks, and no byte order mark', () => {
    const folder = scratchFolder();
    const file = path.join(folder, 'phi-guard.json');
    writeFileSync(file, '\uFEFF{\r\n  "vendors": [{ "id": "a", "name": "\u00dc \u{1F600}", "baa": "nope" }]\r\n}\r\n');
    const [diagnostic, ...rest] = loadPolicyFile(file).diagnostics;
    assert.deepEqual(rest, []);
    // `  "vendors": [{ "id": "a", "name": "Ü 😀", "baa": ` is 50 UTF-16 code units (😀 counts 2).
    assert.deepEqual(diagnostic.range, range(1, 50, 1, 56));
  });

  test('an empty file gives a warning and the defaults', () => {
    const loaded = validatePolicyText('  // nothing yet\n', path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.severity]),
      [['empty-file', 'warning']],
    );
    assert.deepEqual(loaded.policy, defaultsAsLoaded(scratch));
  });

  test('a top-level value that is not an object is reported and ignored', () => {
    const loaded = validatePolicyText('[\n]', path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range]),
      [['schema', range(0, 0, 1, 1)]],
    );
    assert.deepEqual(loaded.policy, defaultsAsLoaded(scratch));
  });

  test('comments and trailing commas are accepted', () => {
    const loaded = validatePolicyText('{\n  // org rules\n  "rules": { "phi-in-log": "warning", },\n}\n', path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.policy.rules, { 'phi-in-log': 'warning' });
  });
});

describe('rules', () => {
  const file = fixture('unknown-rule', 'phi-guard.json');
  const loaded = loadPolicyFile(file);

  test('an unknown rule id is reported on its key, with a suggestion', () => {
    const diagnostic = loaded.diagnostics.find((d) => d.code === 'unknown-rule');
    assert.ok(diagnostic);
    assert.equal(diagnostic.file, file);
    assert.equal(diagnostic.severity, 'error');
    assert.deepEqual(diagnostic.range, range(3, 4, 3, 17));
    assert.match(diagnostic.message, /`phi-in-logs`/);
    assert.match(diagnostic.message, /Did you mean `phi-in-log`\?/);
  });

  test('a wrong-typed severity is reported at the value', () => {
    const diagnostic = loaded.diagnostics.find((d) => d.code === 'schema');
    assert.ok(diagnostic);
    assert.deepEqual(diagnostic.range, range(4, 17, 4, 22));
    assert.match(diagnostic.message, /`rules\["phi-to-ai"\]` must be a string/);
    assert.equal(loaded.diagnostics.length, 2);
  });

  test('the other severities stay in force', () => {
    assert.deepEqual(loaded.policy.rules, { 'phi-in-log': 'warning', 'unencrypted-phi-field': 'info' });
  });

  test('the schema lists exactly the engine rule ids', () => {
    assert.deepEqual(Object.keys(schema.properties.rules.properties), [...RULE_IDS]);
  });
});

describe('vendors', () => {
  test('a vendor with a bad baa is dropped, reported at the value; the others stay', () => {
    const file = fixture('bad-vendor', 'phi-guard.json');
    const loaded = loadPolicyFile(file);
    assert.equal(loaded.diagnostics.length, 1);
    const [diagnostic] = loaded.diagnostics;
    assert.equal(diagnostic.code, 'schema');
    assert.deepEqual(diagnostic.range, range(3, 49, 3, 54));
    assert.match(diagnostic.message, /`vendors\[1\]\.baa` must be one of: signed, pending, none, expired/);
    assert.doesNotMatch(diagnostic.message, /yes/, 'messages never echo values');
    assert.deepEqual(
      loaded.policy.vendors.map((vendor) => vendor.id),
      ['openai', 'sentry'],
    );
  });

  test('an impossible expiry date drops the vendor', () => {
    const text = '{ "vendors": [{ "id": "openai", "baa": "signed", "expires": "2027-02-30" }] }';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range]),
      [['invalid-date', range(0, 60, 0, 72)]],
    );
    assert.deepEqual(loaded.policy.vendors, []);
  });

  test('an unknown property in a vendor drops that vendor (a typo must not widen coverage)', () => {
    const text = '{ "vendors": [{ "id": "openai", "baa": "signed", "expiry": "2020-01-01" }] }';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range]),
      [['unknown-property', range(0, 49, 0, 57)]],
    );
    assert.deepEqual(loaded.policy.vendors, []);
  });

  test('a missing required property is reported at the opening brace', () => {
    const text = '{\n  "aiTools": [\n    { "name": "Tool" }\n  ]\n}';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range]),
      [['schema', range(2, 4, 2, 5)]],
    );
    assert.match(loaded.diagnostics[0].message, /missing the required properties `id`, `status`/);
    assert.deepEqual(loaded.policy.aiTools, []);
  });
});

describe('BAA status', () => {
  const vendor = { id: 'openai', baa: 'signed', expires: '2027-06-30' };

  test('a signed BAA is valid through its expiry day and expired after it', () => {
    assert.equal(effectiveBaa(vendor, new Date(2027, 5, 30)), 'signed');
    assert.equal(effectiveBaa(vendor, new Date(2027, 6, 1)), 'expired');
    assert.equal(effectiveBaa({ id: 'x', baa: 'signed' }, new Date(2099, 0, 1)), 'signed');
    assert.equal(effectiveBaa({ id: 'x', baa: 'pending', expires: '2000-01-01' }, new Date(2027, 0, 1)), 'pending');
  });

  test('days until expiry and expiring soon', () => {
    assert.equal(daysUntilExpiry(vendor, new Date(2027, 5, 1)), 29);
    assert.equal(daysUntilExpiry(vendor, new Date(2027, 5, 30)), 0);
    assert.equal(daysUntilExpiry(vendor, new Date(2027, 6, 2)), -2);
    assert.equal(daysUntilExpiry({ id: 'x', baa: 'signed' }), undefined);
    assert.equal(isBaaExpiringSoon(vendor, new Date(2027, 5, 1)), true);
    assert.equal(isBaaExpiringSoon(vendor, new Date(2027, 0, 1)), false);
    assert.equal(isBaaExpiringSoon(vendor, new Date(2027, 6, 1)), false, 'already expired, not expiring');
  });

  test('the full example\'s OpenAI BAA expires after 2099-06-30', () => {
    const openai = loadPolicyFile(fixture('full', 'phi-guard.json')).policy.vendors.find((v) => v.id === 'openai');
    assert.equal(effectiveBaa(openai, new Date(2099, 5, 30)), 'signed');
    assert.equal(effectiveBaa(openai, new Date(2099, 6, 1)), 'expired');
  });
});

describe('extends', () => {
  test('merges in order: each extended file (with its own extends), then this file', () => {
    const file = fixture('extends-order', 'phi-guard.json');
    const loaded = loadPolicyFile(file);
    const { policy } = loaded;
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.files, [file, fixture('extends-order', 'shared', 'base.json'), fixture('extends-order', 'team', 'team.json')]);
    assert.deepEqual(policy.rules, { 'phi-in-log': 'info', 'phi-in-error': 'info', 'phi-to-ai': 'warning' });
    assert.deepEqual(
      policy.vendors.map((vendor) => [vendor.id, vendor.baa]),
      [
        ['openai', 'none'],
        ['datadog', 'pending'],
        ['segment', 'none'],
      ],
    );
    assert.deepEqual(policy.phi.sanitizers, ['base_scrub', 'team_scrub', 'top_scrub']);
    assert.deepEqual(policy.roles.nurse, ['clinical', 'demographics']);
    assert.deepEqual(policy.roles.billing, ['billing']);
    assert.deepEqual(policy.roles.admin, ['*']);
    assert.deepEqual(policy.audit.python, {
      decorator: 'audited',
      module: 'app.security.audit',
      dependencies: [],
      permissionClasses: [],
      middleware: [],
      calls: [],
    });
    // `build/` has no inner slash: in team/ it matches a build folder at any depth below team/.
    assert.deepEqual(policy.ignore, ['shared/fixtures/**', 'shared/**/*.gen.py', 'team/**/build/', 'top-only/**']);
  });

  test('ignore patterns match relative to the folder of the file that declared them', () => {
    const root = fixture('extends-order');
    const ignored = createIgnoreMatcher(loadPolicyFile(path.join(root, 'phi-guard.json')).policy);
    assert.equal(ignored(path.join(root, 'shared', 'fixtures', 'x.py')), true);
    assert.equal(ignored(path.join(root, 'fixtures', 'x.py')), false);
    assert.equal(ignored(path.join(root, 'shared', 'a', 'b.gen.py')), true);
    assert.equal(ignored(path.join(root, 'b.gen.py')), false);
    assert.equal(ignored(path.join(root, 'team', 'build', 'out.js')), true);
    assert.equal(ignored(path.join(root, 'team', 'build'), true), true);
    assert.equal(ignored(path.join(root, 'team', 'x', 'build', 'out.js')), true);
    assert.equal(ignored(path.join(root, 'build', 'out.js')), false);
    assert.equal(ignored(path.join(root, 'top-only', 'a.ts')), true);
    assert.equal(ignored(path.join(root, 'src', 'app.py')), false);
  });

  test('the rebased `ignore` list agrees with the exact matcher, relative to the policy folder', () => {
    const root = fixture('extends-order');
    const { policy } = loadPolicyFile(path.join(root, 'phi-guard.json'));
    const flat = ignore().add(policy.ignore);
    const samples = ['shared/fixtures/x.py', 'fixtures/x.py', 'shared/a/b.gen.py', 'b.gen.py', 'team/build/o.js', 'team/x/build/o.js', 'build/o.js', 'top-only/a.ts', 'src/app.py'];
    for (const sample of samples) {
      assert.equal(flat.ignores(sample), isIgnoredByPolicy(policy, path.join(root, ...sample.split('/'))), sample);
    }
  });

  test('patterns of a policy in a parent folder (monorepo) are rebased where possible', () => {
    const root = scratchFolder({
      'base.json': JSON.stringify({ ignore: ['**/migrations/**', 'packages/app/generated/**', 'packages/other/**', '*.log'] }),
      'packages/app/phi-guard.json': JSON.stringify({ extends: ['../../base.json'] }),
    });
    const app = path.join(root, 'packages', 'app');
    const { policy, diagnostics } = loadPolicyFile(path.join(app, 'phi-guard.json'));
    assert.deepEqual(diagnostics, []);
    assert.deepEqual(policy.ignore, ['**/migrations/**', 'generated/**', '*.log']);
    assert.equal(isIgnoredByPolicy(policy, path.join(app, 'generated', 'client.ts')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(app, 'src', 'migrations', '0001.py')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(app, 'debug.log')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'packages', 'other', 'x.ts')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(app, 'src', 'main.ts')), false);
  });

  test('a later file can re-include with !pattern', () => {
    const root = scratchFolder({
      'base.json': JSON.stringify({ ignore: ['generated/'] }),
      'phi-guard.json': JSON.stringify({ extends: ['./base.json'], ignore: ['!generated/audited.py'] }),
    });
    const { policy } = loadPolicyFile(path.join(root, 'phi-guard.json'));
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'generated', 'client.py')), true);
    assert.equal(isIgnoredByPolicy(policy, path.join(root, 'generated', 'audited.py')), false);
  });

  test('a cycle is reported at the extends entry that closes it', () => {
    const loaded = loadPolicyFile(fixture('extends-cycle', 'phi-guard.json'));
    const cycle = loaded.diagnostics.filter((d) => d.code === 'extends-cycle');
    assert.equal(cycle.length, 1);
    assert.equal(cycle[0].file, fixture('extends-cycle', 'b.json'));
    assert.deepEqual(cycle[0].range, range(1, 14, 1, 24));
    assert.match(cycle[0].message, /a\.json -> b\.json -> a\.json/);
    // The files that extend the broken one get a pointer to it, at their own extends entry.
    const pointers = loaded.diagnostics.filter((d) => d.code === 'extends-has-problems');
    assert.deepEqual(
      pointers.map((d) => [path.basename(d.file), d.range, d.severity]),
      [
        ['a.json', range(1, 14, 1, 24), 'warning'],
        ['phi-guard.json', range(1, 14, 1, 24), 'warning'],
      ],
    );
    // Everything valid still applies: b.json, then a.json.
    assert.deepEqual(loaded.policy.rules, { 'phi-to-ai': 'info', 'phi-in-log': 'warning' });
  });

  test('a missing file is reported at its extends entry and the rest applies', () => {
    const file = fixture('extends-missing', 'phi-guard.json');
    const loaded = loadPolicyFile(file);
    assert.equal(loaded.diagnostics.length, 1);
    const [diagnostic] = loaded.diagnostics;
    assert.equal(diagnostic.code, 'extends-not-found');
    assert.equal(diagnostic.file, file);
    assert.deepEqual(diagnostic.range, range(1, 14, 1, 27));
    assert.deepEqual(loaded.policy.rules, { 'phi-in-log': 'warning' });
  });

  test('absolute paths and URLs are rejected', () => {
    const text = '{\n  "extends": ["/etc/phi-guard.json", "https://example.com/p.json", "C:\\\\p.json"]\n}';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range]),
      [
        ['extends-invalid', range(1, 14, 1, 35)],
        ['extends-invalid', range(1, 37, 1, 65)],
        ['extends-invalid', range(1, 67, 1, 79)],
      ],
    );
  });

  test('problems in an extended file are reported in that file', () => {
    const root = scratchFolder({
      'org.json': '{\n  "rules": { "phi-in-log": "loud", "phi-to-ai": "info" }\n}\n',
      'phi-guard.json': '{ "extends": "./org.json" }',
    });
    const loaded = loadPolicyFile(path.join(root, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [path.basename(d.file), d.code, d.range]),
      [
        ['org.json', 'schema', range(1, 27, 1, 33)],
        ['phi-guard.json', 'extends-has-problems', range(0, 13, 0, 25)],
      ],
    );
    assert.deepEqual(loaded.policy.rules, { 'phi-to-ai': 'info' });
  });

  test('an unsaved buffer resolves extends from disk, relative to its file', () => {
    const file = fixture('extends-order', 'phi-guard.json');
    const loaded = validatePolicyText('{ "extends": ["./team/team.json"], "rules": { "phi-to-ai": "off" } }', file);
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.policy.rules, { 'phi-in-log': 'info', 'phi-to-ai': 'off' });
  });
});

describe('finding the policy', () => {
  test('the nearest phi-guard.json wins', () => {
    const deep = fixture('nearest', 'sub', 'deep');
    assert.equal(findPolicyFile(deep), fixture('nearest', 'sub', 'phi-guard.json'));
    assert.equal(findPolicyFile(fixture('nearest')), fixture('nearest', 'phi-guard.json'));
    assert.equal(loadPolicyForFile(path.join(deep, 'app.py')).policy.rules['phi-in-log'], 'info');
    assert.equal(loadPolicyForFile(fixture('nearest', 'other.py')).policy.rules['phi-in-log'], 'warning');
  });

  test('stops at stopAt', () => {
    const folder = scratchFolder({ 'phi-guard.json': '{}', 'a/b/app.py': '' });
    assert.equal(findPolicyFile(path.join(folder, 'a', 'b'), path.join(folder, 'a')), undefined);
    assert.equal(findPolicyFile(path.join(folder, 'a', 'b'), folder), path.join(folder, 'phi-guard.json'));
  });

  test('an explicit policy path wins', () => {
    const explicit = fixture('unknown-rule', 'phi-guard.json');
    const loaded = loadPolicyForFile(fixture('nearest', 'sub', 'deep', 'app.py'), { policyPath: explicit });
    assert.equal(loaded.file, explicit);
    assert.equal(loaded.policy.rules['phi-in-log'], 'warning');
  });

  test('a missing explicit policy path is a diagnostic, with the defaults', () => {
    const missing = path.join(scratch, 'nope', 'phi-guard.json');
    const loaded = loadPolicyForFile(fixture('nearest', 'other.py'), { policyPath: missing });
    assert.equal(loaded.file, missing);
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range]),
      [['policy-not-found', range(0, 0, 0, 0)]],
    );
    assert.deepEqual(loaded.policy, defaultPolicy());
  });

  test('the policy is cached until a file it read changes', () => {
    clearPolicyCache();
    const folder = scratchFolder({
      'phi-guard.json': '{ "extends": ["./org.json"], "rules": { "phi-in-log": "warning" } }',
      'src/a.py': '',
      'src/b.py': '',
    });
    const first = loadPolicyForFile(path.join(folder, 'src', 'a.py'));
    assert.equal(first.diagnostics[0]?.code, 'extends-not-found');
    assert.equal(loadPolicyForFile(path.join(folder, 'src', 'b.py')), first, 'same policy object for another file');

    // A file that was missing when the policy was read appears: reloaded.
    writeFileSync(path.join(folder, 'org.json'), '{ "rules": { "phi-to-ai": "info" } }');
    const second = loadPolicyForFile(path.join(folder, 'src', 'a.py'));
    assert.notEqual(second, first);
    assert.deepEqual(second.diagnostics, []);
    assert.deepEqual(second.policy.rules, { 'phi-to-ai': 'info', 'phi-in-log': 'warning' });

    // The extended file changes (same size, new mtime): reloaded.
    writeFileSync(path.join(folder, 'org.json'), '{ "rules": { "phi-to-ai": "off!" } }');
    utimesSync(path.join(folder, 'org.json'), new Date(2030, 0, 1), new Date(2030, 0, 1));
    const third = loadPolicyForFile(path.join(folder, 'src', 'a.py'));
    assert.equal(third.diagnostics.some((d) => d.code === 'schema'), true);
    assert.deepEqual(third.policy.rules, { 'phi-in-log': 'warning' });

    clearPolicyCache();
    assert.notEqual(loadPolicyForFile(path.join(folder, 'src', 'a.py')), third);
  });
});

describe('robustness', () => {
  test('messages name keys and paths, never values', () => {
    const secret = '123-45-6789';
    const text = JSON.stringify({
      phi: { remove: [secret], safeIdentifiers: [`x ${secret}`] },
      vendors: [{ id: 'a', baa: secret }],
      rules: { 'phi-in-log': secret },
      secureDebug: { python: `${secret}()` },
    });
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.equal(loaded.diagnostics.length, 5);
    for (const diagnostic of loaded.diagnostics) assert.ok(!diagnostic.message.includes('6789'), diagnostic.message);
  });

  test('__proto__ keys are ignored and never pollute prototypes', () => {
    const text = '{ "rules": { "__proto__": { "phi-in-log": "off" } }, "roles": { "__proto__": ["*"] } }';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.equal(loaded.policy.rules['phi-in-log'], undefined);
    assert.equal(Object.getPrototypeOf(loaded.policy.rules), Object.prototype);
    assert.equal({}['phi-in-log'], undefined);
    assert.equal(loaded.diagnostics.length, 2);
  });

  test('a duplicate key is a warning on the key that does not apply', () => {
    const text = '{\n  "rules": { "phi-in-log": "off", "phi-in-log": "error" }\n}';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['duplicate-key', 'warning', range(1, 13, 1, 25)]],
    );
    assert.equal(loaded.policy.rules['phi-in-log'], 'error');
  });

  test('PHI allowed with an AI tool without a signed BAA is a warning', () => {
    const text = '{ "aiTools": [{ "id": "t", "status": "approved", "baa": "pending", "phi": "allowed" }] }';
    const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.severity, d.range]),
      [['phi-without-baa', 'warning', range(0, 74, 0, 83)]],
    );
    assert.equal(loaded.policy.aiTools.length, 1);
  });
});

describe('limits: nesting and hostile extends paths', () => {
  const nested = (depth, open, close, inner = '') => open.repeat(depth) + inner + close.repeat(depth);

  for (const depth of [1_800, 100_000]) {
    test(`arrays and objects nested ${depth} deep: a diagnostic where the limit is passed, the rest applies`, () => {
      const text = `{\n  "rules": { "phi-in-log": "warning" },\n  "ignore": ${nested(depth, '[', ']')},\n  "phi": ${nested(depth, '{"a":', '}', '1')}\n}\n`;
      const loaded = validatePolicyText(text, path.join(scratch, 'phi-guard.json'));
      const deep = loaded.diagnostics.filter((d) => d.code === 'too-deep');
      // The root object is level 1: `ignore` opens level 2 at column 12, so level 65 opens 63 further on.
      assert.deepEqual(
        deep.map((d) => [d.range.start, d.severity]),
        [
          [{ line: 2, character: 12 + 63 }, 'error'],
          [{ line: 3, character: 9 + 63 * 5 }, 'error'],
        ],
      );
      assert.match(deep[0].message, /nested too deeply/i);
      // The settings that held them are dropped; the rest of the file is in force.
      assert.deepEqual(loaded.policy.rules, { 'phi-in-log': 'warning' });
      assert.deepEqual(loaded.policy.ignore, []);
      assert.deepEqual(loaded.policy.phi, defaultPolicy().phi);
    });
  }

  test('the limit is 64 levels, counted in values only (not brackets in strings or comments)', () => {
    const codes = (text) => validatePolicyText(text, path.join(scratch, 'phi-guard.json')).diagnostics.map((d) => d.code);
    assert.deepEqual(codes(`{ "ignore": ["${'['.repeat(200)}"] /* ${'{'.repeat(200)} */ }`), []);
    // The root object is level 1: 64 levels is a schema error only, 65 is also too deep.
    assert.deepEqual(codes(`{ "ignore": ${nested(63, '[', ']')} }`), ['schema']);
    assert.deepEqual(codes(`{ "ignore": ${nested(64, '[', ']')} }`), ['too-deep', 'schema']);
  });

  test('a file too deep and unclosed: both reported, the defaults apply', () => {
    const loaded = validatePolicyText(`{ "rules": { "phi-in-log": "off" }, "ignore": ${'['.repeat(5000)}`, path.join(scratch, 'phi-guard.json'));
    assert.ok(loaded.diagnostics.some((d) => d.code === 'too-deep'));
    assert.ok(loaded.diagnostics.some((d) => d.code === 'invalid-json'));
    assert.deepEqual(loaded.policy.rules, {});
  });

  test('an extends entry with a NUL byte, an overlong path, a symlink loop or a folder: a diagnostic at that entry', () => {
    const folder = scratchFolder({ 'sub/.keep': '' });
    symlinkSync('loop-b', path.join(folder, 'loop-a'));
    symlinkSync('loop-a', path.join(folder, 'loop-b'));
    const entries = ['./x\\u0000y.json', `./${'a'.repeat(5000)}.json`, './loop-a', './sub'];
    const text = `{\n  "extends": [\n${entries.map((e) => `    "${e}"`).join(',\n')}\n  ],\n  "rules": { "phi-in-log": "warning" }\n}\n`;
    writeFileSync(path.join(folder, 'phi-guard.json'), text);
    const loaded = loadPolicyFile(path.join(folder, 'phi-guard.json'));
    assert.deepEqual(
      loaded.diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.severity]),
      [
        ['extends-invalid', 2, 4, 'error'],
        ['extends-unreadable', 3, 4, 'error'],
        ['extends-unreadable', 4, 4, 'error'],
        ['extends-unreadable', 5, 4, 'error'],
      ],
    );
    assert.match(loaded.diagnostics[1].message, /ENAMETOOLONG/);
    assert.ok(loaded.diagnostics[1].message.length < 400, 'the overlong path is shortened');
    assert.match(loaded.diagnostics[2].message, /ELOOP/);
    assert.match(loaded.diagnostics[3].message, /folder/);
    for (const d of loaded.diagnostics) assert.ok(!d.message.includes('\u0000'), d.message);
    assert.deepEqual(loaded.policy.rules, { 'phi-in-log': 'warning' });
  });

  test('the cache checks those paths again without throwing, for every folder that shares the policy', () => {
    clearPolicyCache();
    const folder = scratchFolder({ 'a/app.py': '', 'b/app.py': '' });
    symlinkSync('loop-b', path.join(folder, 'loop-a'));
    symlinkSync('loop-a', path.join(folder, 'loop-b'));
    for (const reference of ['./x\\u0000y.json', `./${'a'.repeat(5000)}.json`, './loop-a']) {
      writeFileSync(path.join(folder, 'phi-guard.json'), `{ "extends": ["${reference}"] }`);
      clearPolicyCache();
      const first = loadPolicyForFile(path.join(folder, 'a', 'app.py'));
      const second = loadPolicyForFile(path.join(folder, 'b', 'app.py'));
      assert.equal(second, first, `${reference.slice(0, 12)}: the cached policy is reused`);
      assert.equal(first.diagnostics.length, 1);
    }
  });

  test('a phi-guard.json that is a symlink loop is reported, not skipped', () => {
    const folder = scratchFolder({ 'src/app.py': '' });
    symlinkSync('phi-guard.json', path.join(folder, 'phi-guard.json'));
    assert.equal(findPolicyFile(path.join(folder, 'src')), path.join(folder, 'phi-guard.json'));
    clearPolicyCache();
    const loaded = loadPolicyForFile(path.join(folder, 'src', 'app.py'));
    assert.equal(loaded.diagnostics[0].code, 'policy-unreadable');
    assert.deepEqual(loaded.policy, defaultPolicy());
  });
});

describe('rules a policy turns off or down', () => {
  const defaults = registeredRules();

  test('are listed with the file in the extends chain that set them', () => {
    const root = scratchFolder({
      'shared/org.json': '{ "rules": { "phi-in-log": "off", "phi-in-error": "warning", "phi-to-ai": "info" } }',
      'repo/team.json': '{ "extends": "../shared/org.json", "rules": { "phi-to-ai": "error" } }',
      'repo/phi-guard.json': '{ "extends": ["./team.json"], "rules": { "unjustified-suppression": "info", "phi-access-mismatch": "error" } }',
    });
    const top = path.join(root, 'repo', 'phi-guard.json');
    const loaded = loadPolicyFile(top);
    assert.deepEqual(loaded.diagnostics, []);
    const team = path.join(root, 'repo', 'team.json');
    const org = path.join(root, 'shared', 'org.json');
    assert.deepEqual(policyOverrides(loaded, defaults), [
      { ruleId: 'phi-in-log', severity: 'off', defaultSeverity: 'error', file: org, via: [top, team] },
      { ruleId: 'phi-in-error', severity: 'warning', defaultSeverity: 'error', file: org, via: [top, team] },
      { ruleId: 'unjustified-suppression', severity: 'info', defaultSeverity: 'warning', file: top, via: [] },
    ]);
    // The extended file outside the policy's folder is named, with the entry that extends it.
    const outside = extendsOutside(loaded, [path.join(root, 'repo')]);
    assert.deepEqual(outside.map((e) => [e.file, e.extendedBy, e.range.start]), [[org, team, { line: 0, character: 13 }]]);
  });

  test('none for the defaults or a policy that only raises severities', () => {
    assert.deepEqual(policyOverrides({ policy: defaultPolicy(), files: [], diagnostics: [] }, defaults), []);
    const loaded = validatePolicyText('{ "rules": { "phi-access-mismatch": "error" } }', path.join(scratch, 'phi-guard.json'));
    assert.deepEqual(policyOverrides(loaded, defaults), []);
  });
});

describe('the starter policy', () => {
  const file = path.join(scratch, 'starter', 'phi-guard.json');

  test('validates with no diagnostics and is exactly the defaults', () => {
    const text = starterPolicyText();
    assert.match(text, /"\$schema": "https:\/\/phi-guard\.dev\/schema\/phi-guard\.schema\.json"/);
    const loaded = validatePolicyText(text, file);
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.policy, defaultsAsLoaded(path.dirname(file)));
  });

  test('shows every section, and its commented examples validate when uncommented', () => {
    const text = starterPolicyText();
    for (const key of Object.keys(schema.properties)) assert.match(text, new RegExp(`"${key.replace('$', '\\$')}"`), key);
    const uncommented = text.replace(/^(\s*)\/\/\s*(?=["{[])/gm, '$1');
    assert.notEqual(uncommented, text);
    const loaded = validatePolicyText(uncommented, file);
    assert.deepEqual(
      loaded.diagnostics.map((d) => d.code),
      ['extends-not-found'],
    );
    assert.equal(loaded.policy.vendors.length, 2);
    assert.equal(loaded.policy.aiTools.length, 2);
    assert.deepEqual(loaded.policy.phi.add, [{ name: 'aadhar_number', category: 'demographics', encrypt: true }]);
  });
});

describe('audit: the controls the project already has', () => {
  const file = path.join(scratch, 'audit', 'phi-guard.json');
  const audit = (value) => validatePolicyText(JSON.stringify({ audit: value }), file);

  test('every list is read, and the defaults name none', () => {
    const loaded = audit({
      python: {
        dependencies: ['audit_phi'],
        permissionClasses: ['AuditedPatientAccess'],
        middleware: ['clinic.audit.middleware.PHIAuditMiddleware'],
        calls: ['audit_log.record'],
      },
      typescript: { middleware: ['phiAccess', 'auditPatientAccess'], guards: ['PhiAuditGuard'], wrappers: ['withPhiAccess'], calls: ['auditService.log'] },
    });
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.policy.audit.python, {
      decorator: 'phi_access',
      module: 'app.security.audit',
      dependencies: ['audit_phi'],
      permissionClasses: ['AuditedPatientAccess'],
      middleware: ['clinic.audit.middleware.PHIAuditMiddleware'],
      calls: ['audit_log.record'],
    });
    const ts = loaded.policy.audit.typescript;
    assert.equal(ts.middleware, 'phiAccess', 'the first middleware of the list is the one fixes insert');
    assert.deepEqual(ts.otherMiddleware, ['auditPatientAccess']);
    assert.deepEqual([ts.guards, ts.wrappers, ts.calls], [['PhiAuditGuard'], ['withPhiAccess'], ['auditService.log']]);
    const defaults = defaultPolicy().audit;
    assert.deepEqual([defaults.python.dependencies, defaults.python.permissionClasses, defaults.python.middleware, defaults.python.calls], [[], [], [], []]);
    assert.deepEqual([defaults.typescript.otherMiddleware, defaults.typescript.guards, defaults.typescript.wrappers, defaults.typescript.calls], [[], [], [], []]);
  });

  test('typescript.middleware may still be one name', () => {
    const loaded = audit({ typescript: { middleware: 'auditAccess' } });
    assert.deepEqual(loaded.diagnostics, []);
    assert.equal(loaded.policy.audit.typescript.middleware, 'auditAccess');
    assert.deepEqual(loaded.policy.audit.typescript.otherMiddleware, []);
  });

  test('a bad name is reported at that name and only that name is dropped', () => {
    const loaded = audit({ python: { dependencies: ['audit_phi', 'not a name'], calls: [42] }, typescript: { middleware: [], guards: 'PhiAuditGuard' } });
    const codes = loaded.diagnostics.map((d) => [d.code, d.message]);
    assert.equal(loaded.diagnostics.length, 4, JSON.stringify(codes));
    assert.ok(loaded.diagnostics.every((d) => d.code === 'schema'));
    assert.ok(codes.some(([, message]) => /audit\.python\.dependencies\[1\]/.test(message)), JSON.stringify(codes));
    assert.ok(codes.some(([, message]) => /audit\.typescript\.guards/.test(message) && /array/.test(message)), JSON.stringify(codes));
    assert.deepEqual(loaded.policy.audit.python.dependencies, ['audit_phi']);
    assert.deepEqual(loaded.policy.audit.python.calls, []);
    assert.equal(loaded.policy.audit.typescript.middleware, 'phiAccess', 'an empty middleware list leaves the default');
    assert.deepEqual(loaded.policy.audit.typescript.guards, []);
  });

  test('an unknown key in audit is reported with a suggestion', () => {
    const loaded = audit({ python: { dependency: ['audit_phi'] } });
    assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['unknown-property']);
    assert.match(loaded.diagnostics[0].message, /Did you mean `dependencies`\?/);
  });

  test('extends: a project adds its controls to the organisation\'s; a middleware list sets the name fixes insert', () => {
    const folder = scratchFolder({
      'org.json': JSON.stringify({ audit: { python: { dependencies: ['org_audit'] }, typescript: { middleware: ['orgAudit', 'orgTrail'], guards: ['OrgGuard'] } } }),
      'phi-guard.json': JSON.stringify({ extends: ['./org.json'], audit: { python: { dependencies: ['audit_phi'] }, typescript: { middleware: 'phiAccess', guards: ['PhiAuditGuard'] } } }),
    });
    const loaded = loadPolicyFile(path.join(folder, 'phi-guard.json'));
    assert.deepEqual(loaded.diagnostics, []);
    assert.deepEqual(loaded.policy.audit.python.dependencies, ['org_audit', 'audit_phi']);
    assert.equal(loaded.policy.audit.typescript.middleware, 'phiAccess');
    assert.deepEqual(loaded.policy.audit.typescript.otherMiddleware, ['orgTrail']);
    assert.deepEqual(loaded.policy.audit.typescript.guards, ['OrgGuard', 'PhiAuditGuard']);
  });

  test('every new field has a description in the schema', () => {
    const { python, typescript } = schema.properties.audit.properties;
    for (const key of ['dependencies', 'permissionClasses', 'middleware', 'calls']) assert.ok(python.properties[key]?.description, `python.${key}`);
    for (const key of ['middleware', 'guards', 'wrappers', 'calls']) assert.ok(typescript.properties[key]?.description, `typescript.${key}`);
  });
});

describe('audit calls', () => {
  const file = path.join(scratch, 'audit-calls', 'phi-guard.json');

  test('a common method name without its receiver is reported and dropped; names with a receiver or their own stay', () => {
    const loaded = validatePolicyText(JSON.stringify({ audit: { python: { calls: ['log', 'audit_log.record', 'record_phi_access'] }, typescript: { calls: ['send'] } } }), file);
    assert.deepEqual(loaded.diagnostics.map((d) => d.code), ['audit-call-too-broad', 'audit-call-too-broad']);
    assert.match(loaded.diagnostics[0].message, /audit\.python\.calls\[0\]/);
    assert.doesNotMatch(loaded.diagnostics[0].message, /"log"/, 'the message names the key, not the value');
    assert.deepEqual(loaded.policy.audit.python.calls, ['audit_log.record', 'record_phi_access']);
    assert.deepEqual(loaded.policy.audit.typescript.calls, []);
  });
});
