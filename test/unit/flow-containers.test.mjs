// Flows inside one function (docs/rules/phi-in-log.md, "What is followed"): containers that
// receive PHI, serialisers, row keys and column labels, and records printed by their string form.
// Each fixture of test/fixtures/flows-intra/ marks its findings with `expect:` comments and keeps
// a clean line beside each marked one, so a pattern over-reported fails as surely as one missed.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { actualFindings, expectedFindings } from '../support/expectations.mjs';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES } from '../support/spec-examples.mjs';

before(loadEngine);

const FIXTURES = path.join(repoRoot, 'test/fixtures/flows-intra');

function analyze(text, file) {
  const result = engine().analyze({ text, path: file }, engine().defaultPolicy());
  assert.deepEqual(result.ruleFailures, []);
  return result;
}

function analyzeFixture(file) {
  const text = readFileSync(path.join(FIXTURES, file), 'utf8');
  return { text, result: analyze(text, file) };
}

/** 1-based number of the only line of `text` containing `needle`. */
function lineOf(text, needle) {
  const lines = text.split('\n').map((line, index) => (line.includes(needle) ? index + 1 : 0)).filter(Boolean);
  assert.equal(lines.length, 1, `expected one line containing ${needle}`);
  return lines[0];
}

const findingAt = (result, line) => result.findings.find((finding) => finding.line + 1 === line);
const preferredEdits = (finding) => finding.fixes.filter((fix) => fix.isPreferred).flatMap((fix) => fix.edits.map((edit) => edit.newText)).join('\n');

describe('flows inside a function: fixtures (both languages, a clean line beside each finding)', () => {
  const files = readdirSync(FIXTURES).sort();
  test('every pattern has a fixture in both languages', () => {
    for (const pattern of ['containers', 'serialisers', 'row_keys', 'string_forms']) {
      assert.ok(files.includes(`${pattern}.py`), `${pattern}.py`);
      assert.ok(files.includes(`${pattern.replace('_', '-')}.ts`), `${pattern.replace('_', '-')}.ts`);
    }
  });
  for (const file of files) {
    test(file, () => {
      const { text, result } = analyzeFixture(file);
      assert.deepEqual(actualFindings(result), expectedFindings(text));
    });
  }
});

describe('containers', () => {
  test('the hover path names the container the PHI went through', () => {
    const { text, result } = analyzeFixture('containers.py');
    const finding = findingAt(result, lineOf(text, 'logger.info("mrns %s", mrns)'));
    assert.ok(finding.flow.some((step) => step.label === 'mrns (holds mrn)'), JSON.stringify(finding.flow.map((step) => step.label)));
  });

  test('the id fix of a container filled in a loop or a callback names no loop variable', () => {
    const python = analyzeFixture('containers.py');
    const fromLoop = findingAt(python.result, lineOf(python.text, 'logger.info("mrns %s", mrns)'));
    assert.doesNotMatch(preferredEdits(fromLoop), /\bp\.id\b/);
    const ts = analyzeFixture('containers.ts');
    const fromCallback = findingAt(ts.result, lineOf(ts.text, "logger.warn({ missing }, 'missing')"));
    assert.doesNotMatch(preferredEdits(fromCallback), /\bp\.id\b/);
  });

  test('a container filled from a record still in scope takes the id from that record', () => {
    const { text, result } = analyzeFixture('containers.py');
    const finding = findingAt(result, lineOf(text, 'logger.info("row %s", row)'));
    assert.match(preferredEdits(finding), /patient\.id/);
  });

  test('storing into a logger or a client leaves it a logger (its sinks are still found)', () => {
    const text = [
      'import logging',
      'audit = logging.getLogger("audit")',
      'audit.propagate = False',
      'def f(patient, handlers):',
      '    handlers.append(patient.ssn)',
      '    audit.info("ssn %s", patient.ssn)',
      '    audit.info("handlers %s", len(handlers))',
    ].join('\n');
    assert.deepEqual(actualFindings(analyze(text, 'log_store.py')), ['6:phi-in-log']);
  });
});

describe('row keys', () => {
  test('a column label with spaces is named without its text', () => {
    const { text, result } = analyzeFixture('row_keys.py');
    const finding = findingAt(result, lineOf(text, 'row["Patient Hospital No."]'));
    assert.match(finding.message, /mrn \(demographics\)/);
    assert.doesNotMatch(finding.message, /Hospital|No\./);
  });
});

describe('serialisers', () => {
  test("a signal receiver's change set of a deleted patient is a whole demographics record", () => {
    const { text, result } = analyzeFixture('serialisers.py');
    const finding = findingAt(result, lineOf(text, 'logger.info("deleted %s", changes)'));
    assert.match(finding.message, /a whole demographics record from `instance`/);
    assert.match(preferredEdits(finding), /instance\.id/);
  });
});

describe("the contract's examples: the flows inside one function", () => {
  const intake = path.join(SPEC_EXAMPLES, 'next/flows/intake.py');
  const visits = path.join(SPEC_EXAMPLES, 'next/flows-ts/visits.ts');

  test('intake.py: containers, the change set and the row key found; the ids and the batch key clean', () => {
    assertSpecExamplesPresent();
    const text = readFileSync(intake, 'utf8');
    const result = analyze(text, 'intake.py');
    for (const needle of ['missing MRNs: %s', '"deleted %s", changes', 'row["vPatientNo"]']) assert.ok(findingAt(result, lineOf(text, needle)), needle);
    for (const needle of ['"checked %s", ids', 'row["BatchId"]']) assert.equal(findingAt(result, lineOf(text, needle)), undefined, needle);
  });

  test('visits.ts: the pushed MRNs found; `${patient}` and the count clean', () => {
    assertSpecExamplesPresent();
    const text = readFileSync(visits, 'utf8');
    const result = analyze(text, 'visits.ts');
    assert.ok(findingAt(result, lineOf(text, "logger.warn({ missing }, 'missing MRNs')")));
    for (const needle of ['`checked in ${patient}`', 'count: missing.length']) assert.equal(findingAt(result, lineOf(text, needle)), undefined, needle);
  });
});
