// `phi-guard scan --format sarif`: valid against the official SARIF 2.1.0 schema, with rule
// metadata, fixes, suppressions and fingerprints that survive code moving around.

import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { copyFixture, emptyTempDir, runCli, sarifSchemaErrors } from './run-cli.mjs';

function scanSarif(cwd, args = []) {
  const result = runCli(['scan', '--format', 'sarif', ...args], { cwd });
  const log = JSON.parse(result.stdout);
  assert.deepEqual(sarifSchemaErrors(log), [], 'valid SARIF 2.1.0');
  return { ...result, log, run: log.runs[0] };
}

test('the validator rejects an invalid log (the schema check is real)', () => {
  assert.notDeepEqual(sarifSchemaErrors({ version: '2.1.0', runs: [{ results: [] }] }), []);
  assert.notDeepEqual(sarifSchemaErrors({ version: '2.0.0', runs: [] }), []);
});

test('header, tool and rules metadata', () => {
  const cwd = copyFixture('clean');
  const { status, log, run } = scanSarif(cwd);
  assert.equal(status, 0);
  assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const { driver } = run.tool;
  assert.equal(driver.name, 'PHI Guard');
  assert.match(driver.version, /^\d+\.\d+\.\d+/);
  assert.ok(driver.informationUri);
  const ids = driver.rules.map((r) => r.id);
  for (const id of ['phi-in-log', 'phi-in-error', 'unjustified-suppression']) assert.ok(ids.includes(id), id);
  for (const rule of driver.rules) {
    assert.ok(rule.name && rule.shortDescription.text && rule.fullDescription.text, rule.id);
    assert.match(rule.helpUri, /^https:\/\//);
    assert.match(rule.help.text, /HIPAA/);
    assert.match(rule.help.markdown, /45 CFR/);
    assert.ok(['error', 'warning', 'note'].includes(rule.defaultConfiguration.level));
  }
  assert.equal(driver.rules.find((r) => r.id === 'phi-in-log').defaultConfiguration.level, 'error');
  assert.equal(driver.rules.find((r) => r.id === 'unjustified-suppression').defaultConfiguration.level, 'warning');
  assert.deepEqual(run.results, []);
  assert.equal(run.originalUriBaseIds['%SRCROOT%'].uri.startsWith('file:///'), true);
});

test('a result: rule index, level, 1-based region under %SRCROOT%, fingerprint', () => {
  const cwd = copyFixture('warning-only');
  const { run } = scanSarif(cwd);
  assert.equal(run.results.length, 1);
  const [result] = run.results;
  assert.equal(result.ruleId, 'unjustified-suppression');
  assert.equal(run.tool.driver.rules[result.ruleIndex].id, 'unjustified-suppression');
  assert.equal(result.level, 'warning');
  const { artifactLocation, region } = result.locations[0].physicalLocation;
  assert.deepEqual(artifactLocation, { uri: 'app.py', uriBaseId: '%SRCROOT%' });
  const line = readFileSync(path.join(cwd, 'app.py'), 'utf8').split('\n')[6];
  assert.equal(region.startLine, 7);
  assert.equal(region.startColumn, line.indexOf('#') + 1);
  assert.equal(region.endLine, 7);
  assert.equal(region.endColumn, line.length + 1);
  const fingerprints = Object.values(result.partialFingerprints);
  assert.equal(fingerprints.length, 1);
  assert.ok(!fingerprints[0].includes('phi-guard: ignore'));
});

test('fingerprints are stable across runs and when code above moves', () => {
  const cwd = copyFixture('warning-only');
  const first = scanSarif(cwd).run.results[0];
  assert.deepEqual(scanSarif(cwd).run.results[0].partialFingerprints, first.partialFingerprints);
  const file = path.join(cwd, 'app.py');
  writeFileSync(file, `# a new comment\n\n${readFileSync(file, 'utf8')}`);
  const moved = scanSarif(cwd).run.results[0];
  assert.equal(moved.locations[0].physicalLocation.region.startLine, 9);
  assert.deepEqual(moved.partialFingerprints, first.partialFingerprints);
});

test('paths are relative to %SRCROOT% (the cwd); files outside it get absolute file URIs', () => {
  const fixture = copyFixture('warning-only');
  const fromParent = runCli(['scan', '--format', 'sarif', fixture], { cwd: path.dirname(fixture) });
  const inside = JSON.parse(fromParent.stdout).runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  assert.deepEqual(inside, { uri: `${path.basename(fixture)}/app.py`, uriBaseId: '%SRCROOT%' });

  const elsewhere = emptyTempDir('elsewhere');
  const outside = runCli(['scan', '--format', 'sarif', fixture], { cwd: elsewhere });
  const log = JSON.parse(outside.stdout);
  assert.deepEqual(sarifSchemaErrors(log), []);
  const location = log.runs[0].results[0].locations[0].physicalLocation.artifactLocation;
  assert.equal(location.uri, pathToFileURL(path.join(fixture, 'app.py')).href);
  assert.equal(location.uriBaseId, undefined);
});

test('a preferred fix goes into SARIF as replacements unless it repeats a string literal from the source', () => {
  const cwd = copyFixture('leaky');
  const { status, run } = scanSarif(cwd);
  assert.equal(status, 1);
  const results = run.results.filter((r) => r.ruleId === 'phi-in-log');
  assert.equal(results.length, 2);
  const uriOf = (r) => r.locations[0].physicalLocation.artifactLocation.uri;
  // `logger.info("Patient found: " + ...)`: the fix keeps "Patient found", text copied from the code.
  const python = results.find((r) => uriOf(r) === 'app/patients.py');
  assert.equal(python.level, 'error');
  assert.equal(python.locations[0].physicalLocation.region.startLine, 8);
  assert.equal(python.fixes, undefined, 'a fix that copies a literal stays out of SARIF');
  // `console.log(patient)`: the fix writes only PHI Guard's own text and the id.
  const typescript = results.find((r) => uriOf(r) === 'web/client.ts');
  assert.ok(typescript.fixes?.length === 1, 'the preferred fix');
  const [change] = typescript.fixes[0].artifactChanges;
  assert.equal(change.artifactLocation.uri, 'web/client.ts');
  for (const replacement of change.replacements) {
    assert.ok(replacement.deletedRegion.startLine >= 1 && replacement.deletedRegion.startColumn >= 1);
    assert.equal(typeof replacement.insertedContent.text, 'string');
  }
  assert.match(change.replacements.map((r) => r.insertedContent.text).join(''), /patientId/);
  const omitted = run.invocations[0].toolExecutionNotifications.filter((n) => n.descriptor.id === 'fixes-omitted');
  assert.equal(omitted.length, 1);
  assert.equal(omitted[0].level, 'note');
  assert.match(omitted[0].message.text, /^1 fix was left out/);
  assert.doesNotMatch(omitted[0].message.text, /Patient found/);
});

test('suppressed findings are results with an inSource suppression and its justification', () => {
  const cwd = copyFixture('suppressed');
  const { status, run } = scanSarif(cwd);
  assert.equal(status, 0);
  const suppressed = run.results.filter((r) => r.suppressions?.length);
  assert.equal(suppressed.length, 1);
  assert.equal(suppressed[0].ruleId, 'phi-in-log');
  assert.equal(suppressed[0].suppressions[0].kind, 'inSource');
  assert.equal(suppressed[0].suppressions[0].justification, 'this logger writes to the HIPAA-compliant audit store');
});

test('notices become tool execution notifications', () => {
  const cwd = copyFixture('notices');
  writeFileSync(path.join(cwd, 'blob.py'), Buffer.from([0x00, 0x01, 0x02]));
  const { status, run } = scanSarif(cwd);
  assert.equal(status, 2, 'a file not analysed fails the run');
  assert.equal(run.invocations[0].executionSuccessful, false);
  const [notification] = run.invocations[0].toolExecutionNotifications;
  assert.equal(notification.descriptor.id, 'binary');
  assert.equal(notification.level, 'error');
  assert.equal(notification.locations[0].physicalLocation.artifactLocation.uri, 'blob.py');
});

test('PHI that flowed through a variable gets relatedLocations and a code flow, source first', () => {
  const cwd = copyFixture('clean');
  writeFileSync(
    path.join(cwd, 'flow.py'),
    'import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef show(patient):\n    label = "DOB " + patient.dob\n    logger.info(label)\n',
  );
  const { status, run } = scanSarif(cwd);
  assert.equal(status, 1);
  const [result] = run.results.filter((r) => r.ruleId === 'phi-in-log');
  assert.equal(result.locations[0].physicalLocation.region.startLine, 8);
  assert.ok(result.relatedLocations.length >= 1);
  assert.equal(result.relatedLocations[0].physicalLocation.region.startLine, 7);
  assert.ok(result.relatedLocations.every((l) => l.message.text && !l.message.text.includes('DOB ')));
  const steps = result.codeFlows[0].threadFlows[0].locations;
  assert.equal(steps[0].location.physicalLocation.region.startLine, 7);
});
