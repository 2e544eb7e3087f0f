// The AI Tools & BAA model (policy + installed extensions + today), the view's rows the client
// builds from it (client/src/views/aiToolsTree.ts, bundled here with esbuild), the BAA report,
// and the semantic policy checks with their positions.
// Run after `node esbuild.mjs`: node --test test/unit/ai-tools.test.mjs

import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import {
  AI_EXTENSION_CATALOGUE,
  BUILTIN_AI_FEATURES,
  aiToolsMarkdown,
  buildAiToolsModel,
  defaultPolicy,
  findAiExtension,
  isoDay,
  loadPolicyFile,
  parseIsoDay,
  validatePolicyText,
} from '../../dist/engine.js';
import { loadClientModule } from '../support/client-module.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const { buildAiToolsTree } = loadClientModule('client/src/views/aiToolsTree.ts');
const FIXTURE = path.join(here, '..', 'fixtures', 'tools', 'phi-guard.json');
const JUNE_15 = new Date(2026, 5, 15);

const INSTALLED = [
  { id: 'GitHub.copilot', name: 'GitHub Copilot' },
  { id: 'github.copilot-chat' }, // lower case: ids match case-insensitively
  { id: 'Anthropic.claude-code' },
  { id: 'saoudrizwan.claude-dev', name: 'Cline' },
  { id: 'TabNine.tabnine-vscode' },
  { id: 'ms-python.python', name: 'Python' }, // not an AI tool: ignored
  { id: 'phi-guard.phi-guard' },
];

function fixtureModel(overrides = {}) {
  const loaded = loadPolicyFile(FIXTURE);
  return buildAiToolsModel({
    policy: loaded.policy,
    policyFile: loaded.file,
    installedExtensions: INSTALLED,
    builtinAiFeaturesEnabled: true,
    today: JUNE_15,
    ...overrides,
  });
}

function policyWith(parts) {
  return { ...defaultPolicy(), ...parts };
}

const byId = (list, id) => list.find((entry) => entry.id === id);
const installedById = (model, id) => model.installed.find((entry) => entry.extensionId.toLowerCase() === id.toLowerCase());

describe('AI tools model', () => {
  test('tools keep their status, with BAA and PHI use in force today', () => {
    const model = fixtureModel();
    assert.equal(model.today, '2026-06-15');
    assert.equal(model.hasPolicy, true);
    assert.deepEqual(
      model.tools.map((tool) => [tool.id, tool.status, tool.baa, tool.phi]),
      [
        ['copilot-business', 'approved', 'signed', 'never'],
        ['openai-assistant', 'approved', 'expired', 'allowed'],
        ['claude-code-team', 'restricted', 'signed', 'deidentified-only'],
        ['cline', 'prohibited', 'none', 'never'],
        ['chatgpt-consumer', 'prohibited', 'none', 'never'],
      ],
    );
    const copilot = byId(model.tools, 'copilot-business');
    assert.deepEqual(copilot.useCases, ['code completion', 'chat about code']);
    assert.equal(copilot.notes, 'Use the organisation seat, never a personal account.');
    assert.deepEqual(copilot.installedExtensionIds, ['GitHub.copilot', 'github.copilot-chat']);
    assert.deepEqual(copilot.warnings, []);
    assert.equal(copilot.baaText, 'signed, until 2099-12-31');

    const assistant = byId(model.tools, 'openai-assistant');
    assert.equal(assistant.baaDeclared, 'signed', 'as written');
    assert.equal(assistant.baaText, 'expired on 2025-01-31');
    assert.deepEqual(assistant.warnings, ['PHI is allowed but the BAA is expired']);
    assert.deepEqual(byId(model.tools, 'claude-code-team').warnings, ['vendor BAA expires on 2026-07-01 (in 16 days)']);
    assert.deepEqual(byId(model.tools, 'cline').warnings, [], 'prohibited tools need no BAA');
    assert.deepEqual(model.summary, { approved: 2, restricted: 1, prohibited: 2, vendors: 5, expiredBaas: 1, expiringBaas: 1, shadowAi: 2 });
  });

  test('a tool without phi is shown as never, and marked as not stated', () => {
    const model = buildAiToolsModel({ policy: policyWith({ aiTools: [{ id: 'x', status: 'approved' }] }), policyFile: '/p/phi-guard.json', today: JUNE_15 });
    const [tool] = model.tools;
    assert.equal(tool.name, 'x');
    assert.equal(tool.phi, 'never');
    assert.equal(tool.phiDeclared, false);
    assert.equal(tool.baa, 'none');
    assert.equal(model.installed, undefined, 'the installed list is unknown (CLI)');
    assert.equal(model.summary.shadowAi, undefined);
  });

  test('installed AI extensions are matched against extensionIds, case-insensitively', () => {
    const model = fixtureModel();
    const rows = model.installed.map((entry) => [entry.extensionId, entry.status, entry.flagged]);
    assert.deepEqual(rows, [
      ['saoudrizwan.claude-dev', 'prohibited', true],
      ['TabNine.tabnine-vscode', 'unlisted', true],
      [BUILTIN_AI_FEATURES.id, 'approved', false],
      ['Anthropic.claude-code', 'restricted', false],
      ['GitHub.copilot', 'approved', false],
      ['github.copilot-chat', 'approved', false],
    ]);
    assert.equal(installedById(model, 'saoudrizwan.claude-dev').toolId, 'cline');
    assert.match(installedById(model, 'saoudrizwan.claude-dev').reason, /prohibited by the policy \(Cline\)/);
    assert.match(installedById(model, 'TabNine.tabnine-vscode').reason, /not listed in the policy/);
    assert.equal(installedById(model, 'TabNine.tabnine-vscode').name, 'Tabnine', 'catalogue name');
    assert.equal(installedById(model, 'github.copilot-chat').toolName, 'GitHub Copilot Business');
    assert.equal(installedById(model, 'ms-python.python'), undefined, 'not an AI tool');
  });

  test('an extension only the policy names counts as an AI tool', () => {
    const policy = policyWith({ aiTools: [{ id: 'inhouse', name: 'In-house assistant', extensionIds: ['acme.helper'], status: 'prohibited' }] });
    const model = buildAiToolsModel({ policy, policyFile: '/p/phi-guard.json', installedExtensions: [{ id: 'Acme.Helper', name: 'Helper' }], builtinAiFeaturesEnabled: false, today: JUNE_15 });
    assert.deepEqual(model.installed.map((entry) => [entry.extensionId, entry.status, entry.flagged]), [['Acme.Helper', 'prohibited', true]]);
  });

  test('built-in AI features: covered by a tool listing GitHub.copilot-chat, absent when disabled', () => {
    const unlisted = buildAiToolsModel({ policy: defaultPolicy(), policyFile: '/p/phi-guard.json', installedExtensions: [], builtinAiFeaturesEnabled: true, today: JUNE_15 });
    assert.deepEqual(unlisted.installed.map((entry) => [entry.name, entry.builtin, entry.status, entry.flagged]), [[BUILTIN_AI_FEATURES.name, true, 'unlisted', true]]);
    assert.match(unlisted.installed[0].reason, /chat\.disableAIFeatures/);

    const prohibited = buildAiToolsModel({
      policy: policyWith({ aiTools: [{ id: 'copilot', extensionIds: ['GitHub.Copilot-Chat'], status: 'prohibited' }] }),
      policyFile: '/p/phi-guard.json',
      installedExtensions: [],
      builtinAiFeaturesEnabled: true,
      today: JUNE_15,
    });
    assert.equal(prohibited.installed[0].status, 'prohibited');

    const disabled = buildAiToolsModel({ policy: defaultPolicy(), policyFile: '/p/phi-guard.json', installedExtensions: [], builtinAiFeaturesEnabled: false, today: JUNE_15 });
    assert.deepEqual(disabled.installed, []);
    assert.equal(disabled.summary.shadowAi, 0);
  });

  test('an extension listed by several tools takes the most permissive one and names the others', () => {
    const policy = policyWith({
      aiTools: [
        { id: 'copilot-personal', name: 'Copilot (personal)', extensionIds: ['GitHub.copilot'], status: 'prohibited' },
        { id: 'copilot-business', name: 'Copilot Business', extensionIds: ['GitHub.copilot'], status: 'approved' },
      ],
    });
    const model = buildAiToolsModel({ policy, policyFile: '/p/phi-guard.json', installedExtensions: [{ id: 'GitHub.copilot' }], builtinAiFeaturesEnabled: false, today: JUNE_15 });
    const [entry] = model.installed;
    assert.equal(entry.status, 'approved');
    assert.equal(entry.flagged, false);
    assert.deepEqual(entry.alsoListedAs, [{ toolId: 'copilot-personal', toolName: 'Copilot (personal)', status: 'prohibited' }]);
  });

  test('vendors: kind, BAA, expiry, categories and models; expired and expiring flagged', () => {
    const model = fixtureModel();
    const rows = model.vendors.map((vendor) => [vendor.id, vendor.kind, vendor.baa, vendor.expires, vendor.daysUntilExpiry, vendor.expiringSoon, vendor.flagged]);
    assert.deepEqual(rows, [
      ['github', 'ai', 'signed', '2099-12-31', rows[0][4], false, false],
      ['openai', 'ai', 'expired', '2025-01-31', -500, false, true],
      ['anthropic', 'ai', 'signed', '2026-07-01', 16, true, true],
      ['datadog', 'observability', 'none', undefined, undefined, false, false],
      ['sentry', 'observability', 'pending', undefined, undefined, false, false],
    ]);
    const openai = byId(model.vendors, 'openai');
    assert.deepEqual(openai.allow, ['clinical', 'demographics']);
    assert.deepEqual(openai.models, ['gpt-4.1', 'gpt-4.1-mini']);
    assert.deepEqual(openai.warnings, ['BAA expired on 2025-01-31']);
    assert.equal(openai.baaText, 'expired on 2025-01-31');
    assert.deepEqual(byId(model.vendors, 'anthropic').warnings, ['BAA expires on 2026-07-01 (in 16 days)']);
  });

  test('a BAA is valid on its expiry date and expired from the next day; flagged from 30 days before', () => {
    const policy = policyWith({ vendors: [{ id: 'v', baa: 'signed', expires: '2027-03-31' }] });
    const at = (day) => buildAiToolsModel({ policy, policyFile: '/p', today: parseIsoDay(day) }).vendors[0];
    assert.deepEqual([at('2027-02-28').baa, at('2027-02-28').expiringSoon], ['signed', false], '31 days before');
    assert.deepEqual([at('2027-03-01').baa, at('2027-03-01').expiringSoon], ['signed', true], '30 days before');
    assert.deepEqual([at('2027-03-31').baa, at('2027-03-31').flagged, at('2027-03-31').daysUntilExpiry], ['signed', true, 0], 'on its date');
    assert.deepEqual([at('2027-04-01').baa, at('2027-04-01').baaText, at('2027-04-01').flagged], ['expired', 'expired on 2027-03-31', true], 'the day after');
  });

  test('isoDay and parseIsoDay use local calendar days', () => {
    assert.equal(isoDay(new Date(2027, 0, 5, 23, 59)), '2027-01-05');
    assert.equal(isoDay(parseIsoDay('2024-02-29')), '2024-02-29');
    assert.equal(parseIsoDay('2027-02-30'), undefined);
    assert.equal(parseIsoDay('27-1-1'), undefined);
  });

  test('the catalogue has unique ids that look like extension ids, and finds them case-insensitively', () => {
    const ids = AI_EXTENSION_CATALOGUE.map((entry) => entry.id.toLowerCase());
    assert.equal(new Set(ids).size, ids.length);
    for (const entry of AI_EXTENSION_CATALOGUE) assert.match(entry.id, /^[A-Za-z0-9][A-Za-z0-9-]*\.[A-Za-z0-9][A-Za-z0-9._-]*$/);
    for (const id of ['GitHub.copilot', 'GitHub.copilot-chat', 'Continue.continue', 'Codeium.codeium', 'TabNine.tabnine-vscode', 'AmazonWebServices.amazon-q-vscode', 'saoudrizwan.claude-dev', 'RooVeterinaryInc.roo-cline', 'Anthropic.claude-code', 'Google.geminicodeassist', 'sourcegraph.cody-ai', 'Supermaven.supermaven']) {
      assert.ok(findAiExtension(id.toUpperCase()), id);
    }
  });
});

describe('AI tools tree', () => {
  test('no policy file: no rows, so the view shows its welcome content', () => {
    const model = buildAiToolsModel({ policy: defaultPolicy(), installedExtensions: INSTALLED, builtinAiFeaturesEnabled: true, today: JUNE_15 });
    assert.deepEqual(buildAiToolsTree(model), []);
  });

  test('groups: approved, restricted, prohibited, installed, vendors', () => {
    const tree = buildAiToolsTree(fixtureModel());
    assert.deepEqual(
      tree.map((node) => [node.label, node.description]),
      [
        ['Approved tools', '2 · 1 flagged'],
        ['Restricted', '1 · 1 flagged'],
        ['Prohibited', '2'],
        ['Installed in this editor', '6 · 2 flagged'],
        ['Vendors', '5 · 2 flagged'],
      ],
    );
    assert.deepEqual(tree[0].children.map((node) => node.label), ['GitHub Copilot Business', 'Internal OpenAI assistant']);
    const ids = [];
    const walk = (nodes) => nodes.forEach((node) => { ids.push(node.id); walk(node.children ?? []); });
    walk(tree);
    assert.equal(new Set(ids).size, ids.length, 'node ids are unique');
  });

  test('a tool row: BAA and PHI in the description, details as children, Markdown tooltip', () => {
    const tree = buildAiToolsTree(fixtureModel());
    const copilot = tree[0].children[0];
    assert.equal(copilot.description, 'BAA signed, until 2099-12-31 · PHI never');
    assert.deepEqual(copilot.icon, { id: 'pass', color: 'testing.iconPassed' });
    assert.deepEqual(copilot.children.map((node) => node.label), [
      'BAA: signed, until 2099-12-31 (vendor GitHub)',
      'PHI: PHI never',
      'Approved use cases: code completion, chat about code',
      'Notes: Use the organisation seat, never a personal account.',
      'Extensions: GitHub.copilot (installed), GitHub.copilot-chat (installed)',
    ]);
    assert.match(copilot.tooltip, /^\*\*GitHub Copilot Business\*\* — approved/);
    assert.match(copilot.accessibilityLabel, /GitHub Copilot Business, approved, BAA signed/);
    assert.deepEqual(copilot.action, { kind: 'openPolicy', section: 'aiTools', entryId: 'copilot-business' });

    const assistant = tree[0].children[1];
    assert.equal(assistant.icon.id, 'warning');
    assert.equal(assistant.contextValue, 'phiGuard.aiTool.flagged');
    assert.match(assistant.accessibilityLabel, /Attention: PHI is allowed but the BAA is expired/);
  });

  test('installed rows: shadow AI has a warning icon and says why', () => {
    const installed = buildAiToolsTree(fixtureModel())[3];
    const [cline, tabnine, builtin] = installed.children;
    assert.deepEqual([cline.label, cline.description, cline.icon.id, cline.contextValue], ['Cline', 'prohibited by the policy', 'warning', 'phiGuard.installedAi.flagged']);
    assert.deepEqual([tabnine.label, tabnine.description, tabnine.icon.id], ['Tabnine', 'not in the policy', 'warning']);
    assert.match(tabnine.accessibilityLabel, /^Warning: Tabnine, not in the policy/);
    assert.deepEqual(tabnine.action, { kind: 'showExtension', extensionId: 'TabNine.tabnine-vscode' });
    assert.deepEqual([builtin.label, builtin.description, builtin.icon.id], [BUILTIN_AI_FEATURES.name, 'approved as GitHub Copilot Business', 'pass']);
    assert.deepEqual(builtin.action, { kind: 'openSetting', setting: 'chat.disableAIFeatures' });
  });

  test('vendor rows: expired has an error icon, expiring a warning, with dates', () => {
    const vendors = buildAiToolsTree(fixtureModel())[4].children;
    const openai = vendors.find((node) => node.id === 'vendor:openai');
    assert.equal(openai.description, 'ai · BAA expired on 2025-01-31');
    assert.equal(openai.icon.id, 'error');
    assert.ok(openai.children.some((node) => node.label === 'Expires: 2025-01-31 (expired 500 days ago)'));
    assert.ok(openai.children.some((node) => node.label === 'Models: gpt-4.1, gpt-4.1-mini'));
    const anthropic = vendors.find((node) => node.id === 'vendor:anthropic');
    assert.equal(anthropic.icon.id, 'warning');
    assert.match(anthropic.accessibilityLabel, /expires in 16 days/);
    const datadog = vendors.find((node) => node.id === 'vendor:datadog');
    assert.equal(datadog.description, 'observability · BAA none');
  });

  test('empty groups say so; policy errors get a row; the CLI model has no installed group', () => {
    const model = buildAiToolsModel({ policy: defaultPolicy(), policyFile: '/p/phi-guard.json', policyErrors: 2, today: JUNE_15 });
    const tree = buildAiToolsTree(model);
    assert.deepEqual(tree.map((node) => node.label), ['The policy file has 2 problems', 'Approved tools', 'Restricted', 'Prohibited', 'Vendors']);
    assert.equal(tree[1].children[0].label, 'No approved AI tool in the policy');
    assert.equal(tree[4].children[0].label, 'No vendor in the policy: none is covered by a BAA');
  });

  test('policy text is escaped in Markdown tooltips', () => {
    const policy = policyWith({ aiTools: [{ id: 't', name: 'Evil *bold* [link](x) $(zap)', status: 'approved', notes: '<img src=x>' }] });
    const [node] = buildAiToolsTree(buildAiToolsModel({ policy, policyFile: '/p', today: JUNE_15 }))[0].children;
    assert.ok(node.tooltip.includes('Evil \\*bold\\* \\[link\\]\\(x\\) \\$\\(zap\\)'));
    assert.ok(node.tooltip.includes('\\<img src=x\\>'));
  });
});

describe('BAA report (Markdown)', () => {
  test('lists tools, installed extensions and vendors, and what needs attention', () => {
    const text = aiToolsMarkdown(fixtureModel(), { displayPath: () => 'phi-guard.json' });
    assert.match(text, /^# AI Tools & BAA report\n/);
    assert.match(text, /- Policy: `phi-guard.json`/);
    assert.match(text, /- As of: 2026-06-15/);
    assert.match(text, /- Vendor OpenAI API: BAA expired on 2025-01-31\./);
    assert.match(text, /Tabnine is not listed in the policy/);
    assert.match(text, /\| GitHub Copilot Business \| approved \| GitHub \| signed, until 2099-12-31 \| PHI never \| code completion, chat about code \|/);
    assert.match(text, /\| OpenAI API ⚠ \| `openai` \| ai \| expired \| 2025-01-31 \|/);
    assert.match(text, /\| Anthropic API ⚠ \| `anthropic` \| ai \| signed \| 2026-07-01 \(in 16 days\) \|/);
    assert.match(text, /## Installed in this editor/);
  });

  test('escapes pipes in cells and omits the installed section when unknown', () => {
    const policy = policyWith({ aiTools: [{ id: 't', name: 'A | B', status: 'approved', notes: 'line1\nline2' }] });
    const text = aiToolsMarkdown(buildAiToolsModel({ policy, policyFile: '/p', today: JUNE_15 }));
    assert.match(text, /\| A \\\| B \|/);
    assert.match(text, /line1 line2/);
    assert.doesNotMatch(text, /Installed in this editor/);
  });
});

describe('semantic policy checks', () => {
  const FILE = path.join(tmpdir(), 'phi-guard-semantic', 'phi-guard.json');
  const temp = [];
  after(() => temp.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  /** The range of the n-th occurrence of `needle` in `text` (0-based lines/characters). */
  function rangeOf(text, needle, occurrence = 0) {
    let offset = -1;
    for (let i = 0; i <= occurrence; i++) offset = text.indexOf(needle, offset + 1);
    assert.ok(offset >= 0, `${needle} in text`);
    const before = text.slice(0, offset).split('\n');
    const start = { line: before.length - 1, character: before[before.length - 1].length };
    return { start, end: { line: start.line, character: start.character + needle.length } };
  }
  const inDays = (days) => {
    const date = new Date();
    date.setDate(date.getDate() + days);
    return isoDay(date);
  };
  const codes = (loaded) => loaded.diagnostics.map((d) => d.code);

  test('an expired vendor BAA: a warning at its expires date, naming the date', () => {
    const text = [
      '{',
      '  "vendors": [',
      '    { "id": "broken" },',
      '    { "id": "openai", "name": "OpenAI API", "baa": "signed", "expires": "2025-01-31" }',
      '  ]',
      '}',
    ].join('\n');
    const loaded = validatePolicyText(text, FILE);
    const expired = loaded.diagnostics.find((d) => d.code === 'vendor-baa-expired');
    assert.ok(expired, codes(loaded).join());
    assert.equal(expired.severity, 'warning');
    assert.deepEqual(expired.range, rangeOf(text, '"2025-01-31"'), 'the dropped entry before it does not shift the position');
    assert.match(expired.message, /The BAA with OpenAI API \(`openai`\) expired on 2025-01-31 \(\d+ days ago\)/);
  });

  test('a vendor BAA expiring within 30 days: a warning with the date; 31 days: nothing', () => {
    const soon = inDays(10);
    const later = inDays(31);
    const text = `{ "vendors": [\n  { "id": "a", "baa": "signed", "expires": "${soon}" },\n  { "id": "b", "baa": "signed", "expires": "${later}" },\n  { "id": "c", "baa": "pending", "expires": "2020-01-01" }\n] }`;
    const loaded = validatePolicyText(text, FILE);
    assert.deepEqual(codes(loaded), ['vendor-baa-expiring']);
    const [diagnostic] = loaded.diagnostics;
    assert.deepEqual(diagnostic.range, rangeOf(text, `"${soon}"`));
    assert.match(diagnostic.message, new RegExp(`expires on ${soon}, in 10 days`));
  });

  test('an approved tool allowing PHI whose vendor has no signed BAA: a warning at its vendor', () => {
    const text = [
      '{',
      '  "vendors": [{ "id": "openai", "baa": "signed", "expires": "2025-01-31" }, { "id": "acme", "baa": "pending" }, { "id": "ok", "baa": "signed" }],',
      '  "aiTools": [',
      '    { "id": "t1", "name": "Assistant", "vendor": "openai", "status": "approved", "baa": "signed", "phi": "allowed" },',
      '    { "id": "t2", "vendor": "acme", "status": "restricted", "baa": "signed", "phi": "allowed" },',
      '    { "id": "t3", "vendor": "acme", "status": "prohibited", "baa": "signed", "phi": "allowed" },',
      '    { "id": "t4", "vendor": "acme", "status": "approved", "baa": "signed", "phi": "never" },',
      '    { "id": "t5", "vendor": "ok", "status": "approved", "baa": "signed", "phi": "allowed" },',
      '    { "id": "t6", "vendor": "unknown", "status": "approved", "baa": "signed", "phi": "allowed" }',
      '  ]',
      '}',
    ].join('\n');
    const loaded = validatePolicyText(text, FILE);
    const found = loaded.diagnostics.filter((d) => d.code === 'tool-vendor-without-baa');
    assert.equal(found.length, 2, JSON.stringify(loaded.diagnostics, null, 1));
    assert.deepEqual(found[0].range, rangeOf(text, '"openai"', 1));
    assert.match(found[0].message, /`aiTools\[0\]` \(Assistant\) is approved with `phi: allowed`, but its vendor `openai` has no signed BAA \(BAA expired on 2025-01-31\)/);
    assert.deepEqual(found[1].range, rangeOf(text, '"acme"', 1));
    assert.match(found[1].message, /restricted .*\(BAA `pending`\)/);
  });

  test('a tool whose vendor is declared in an extended file; problems land in the file that has them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-semantic-'));
    temp.push(dir);
    const orgText = '{\n  "vendors": [{ "id": "openai", "baa": "signed", "expires": "2024-12-31" }]\n}\n';
    writeFileSync(path.join(dir, 'org.json'), orgText);
    const topText = '{\n  "extends": "./org.json",\n  "aiTools": [{ "id": "a", "vendor": "openai", "status": "approved", "baa": "signed", "phi": "allowed" }]\n}\n';
    writeFileSync(path.join(dir, 'phi-guard.json'), topText);
    const loaded = loadPolicyFile(path.join(dir, 'phi-guard.json'));
    const expired = loaded.diagnostics.find((d) => d.code === 'vendor-baa-expired');
    assert.equal(expired.file, path.join(dir, 'org.json'));
    assert.deepEqual(expired.range, rangeOf(orgText, '"2024-12-31"'));
    const tool = loaded.diagnostics.find((d) => d.code === 'tool-vendor-without-baa');
    assert.equal(tool.file, path.join(dir, 'phi-guard.json'));
    assert.deepEqual(tool.range, rangeOf(topText, '"openai"'));
  });

  test('a later vendor entry replaces an extended one: only the one in force is checked', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'phi-guard-semantic-'));
    temp.push(dir);
    writeFileSync(path.join(dir, 'org.json'), '{ "vendors": [{ "id": "openai", "baa": "signed", "expires": "2024-12-31" }] }');
    writeFileSync(path.join(dir, 'phi-guard.json'), '{ "extends": "./org.json", "vendors": [{ "id": "openai", "baa": "signed", "expires": "2099-12-31" }] }');
    assert.deepEqual(codes(loadPolicyFile(path.join(dir, 'phi-guard.json'))), []);
  });

  test('a role mapped to an unknown category is reported at that category (schema)', () => {
    const text = '{\n  "roles": { "nurse": ["clinical", "psychotherapy"] }\n}';
    const loaded = validatePolicyText(text, FILE);
    assert.equal(loaded.diagnostics.length, 1);
    const [diagnostic] = loaded.diagnostics;
    assert.equal(diagnostic.severity, 'error');
    assert.deepEqual(diagnostic.range, rangeOf(text, '"psychotherapy"'));
    assert.match(diagnostic.message, /`roles\.nurse\[1\]` must be one of: demographics, clinical, billing, \*/);
    assert.deepEqual(loaded.policy.roles.nurse, ['clinical'], 'the valid category is kept');
  });

  test('duplicate ids are reported once (by the loader), not again by the semantic checks', () => {
    const text = '{ "vendors": [{ "id": "x", "baa": "signed", "expires": "2020-01-01" }, { "id": "x", "baa": "none" }] }';
    const loaded = validatePolicyText(text, FILE);
    assert.deepEqual(codes(loaded), ['duplicate-id'], 'the expired entry was replaced by the later one');
  });
});
