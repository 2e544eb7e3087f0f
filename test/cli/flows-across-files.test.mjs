// `phi-guard scan` follows calls into the project's other files (docs/architecture.md, "Flows
// across functions and files"): scanning only the caller finds the leak through a helper it
// imports, the sink is a related location in JSON and SARIF, worker threads give the same report,
// and --cache never serves a result the helper's edit has made stale.
import assert from 'node:assert/strict';
import { cpSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { emptyTempDir, ROOT, runCli, runJson, sarifSchemaErrors } from './run-cli.mjs';
import { expectedFindings } from '../support/expectations.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES } from '../support/spec-examples.mjs';

const FIXTURE = path.join(ROOT, 'test/fixtures/flows/python');

function project() {
  const dir = emptyTempDir('flows');
  cpSync(FIXTURE, dir, { recursive: true });
  return dir;
}

const lineOf = (dir, file, fragment) => readFileSync(path.join(dir, file), 'utf8').split('\n').findIndex((line) => line.includes(fragment)) + 1;

describe('scan: flows across files', () => {
  test('scanning only the caller finds the leak through the helper in another file', () => {
    const dir = project();
    const { status, report } = runJson(['scan', 'clinic/intake.py'], { cwd: dir });
    assert.equal(status, 1);
    assert.deepEqual(report.files.map((f) => f.file), ['clinic/intake.py']);
    const line = lineOf(dir, 'clinic/intake.py', 'trace("admitting", patient.date_of_birth)');
    const finding = report.findings.find((f) => f.line === line);
    assert.ok(finding, 'the call is reported');
    assert.equal(finding.ruleId, 'phi-in-log');
    assert.equal(finding.message, '`patient.date_of_birth` is passed to `trace()`, which logs it (clinic/audit.py:8).');
    const sink = finding.flow.at(-1);
    assert.equal(sink.file, 'clinic/audit.py');
    assert.equal(sink.line, 8);
    // The helper's own line is not reported: it is not a leak on its own terms.
    const helper = runJson(['scan', 'clinic/audit.py'], { cwd: dir }).report;
    assert.deepEqual(helper.findings.map((f) => f.line), [lineOf(dir, 'clinic/audit.py', 'logger.info("showing %s", patient.last_name)')]);
  });

  test('SARIF points the related location of the sink at the helper file', () => {
    const dir = project();
    const { stdout } = runCli(['scan', 'clinic/intake.py', '--format', 'sarif'], { cwd: dir });
    const log = JSON.parse(stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const line = lineOf(dir, 'clinic/intake.py', 'audit.trace("mrn", patient.mrn)');
    const result = log.runs[0].results.find((r) => r.locations[0].physicalLocation.region.startLine === line);
    const sink = result.relatedLocations.at(-1);
    assert.equal(sink.physicalLocation.artifactLocation.uri, 'clinic/audit.py');
    assert.equal(sink.physicalLocation.region.startLine, 8);
  });

  test('worker threads report what the main thread reports', () => {
    const dir = project();
    const one = runCli(['scan', '.', '--format', 'json', '--jobs', '1'], { cwd: dir });
    const two = runCli(['scan', '.', '--format', 'json', '--jobs', '2'], { cwd: dir });
    assert.equal(two.stdout, one.stdout);
    assert.ok(JSON.parse(one.stdout).findings.some((f) => f.message.includes('is passed to `relay()`')));
  });

  test('workers given the index in slices (each file with what it imports) report what workers given all of it report', () => {
    const dir = project();
    const scan = (slices) => runCli(['scan', '.', '--format', 'json', '--jobs', '2'], { cwd: dir, env: { PHI_GUARD_TEST_INDEX_SLICES: slices } });
    const whole = scan('never');
    const sliced = scan('always');
    assert.equal(sliced.stdout, whole.stdout);
    // The findings that need another file's summary are there in both.
    const report = JSON.parse(sliced.stdout);
    assert.ok(report.findings.some((f) => f.message.includes('is passed to `relay()`')));
    assert.ok(report.findings.some((f) => f.flow?.at(-1)?.file === 'clinic/audit.py' && f.file !== 'clinic/audit.py'));
  });

  test('--cache: editing the helper re-checks its callers', () => {
    const dir = project();
    const line = lineOf(dir, 'clinic/intake.py', 'trace("admitting", patient.date_of_birth)');
    const scan = () => runJson(['scan', 'clinic/intake.py', '--cache'], { cwd: dir }).report;
    assert.ok(scan().findings.some((f) => f.line === line));
    const again = scan();
    assert.ok(again.findings.some((f) => f.line === line));
    assert.equal(again.summary.cache.hits, 1);
    const audit = path.join(dir, 'clinic/audit.py');
    writeFileSync(audit, readFileSync(audit, 'utf8').replace('logger.debug("%s: %s", label, value)', 'logger.debug("%s: %s", label, mask(value))'));
    const edited = scan();
    assert.equal(edited.summary.cache.hits, 0, 'the caller is analysed again');
    assert.ok(!edited.findings.some((f) => f.line === line));
  });
});

describe('scan: keys of what a function returns', () => {
  test("a key of the dict a module's function returns on every path holds only what is returned under it", () => {
    const dir = emptyTempDir('returned-keys');
    const source = [
      'import logging',
      '',
      'logger = logging.getLogger(__name__)',
      '',
      '',
      'def load_both(patient):',
      '    return {"found": True, "profile": patient.date_of_birth}',
      '',
      '',
      'def load_facility(facility_id, claim_id):',
      '    existing = fetch_by_id(facility_id)',
      '    if claim_id:',
      '        return {"existing": existing, "claim": claim_id}',
      '    return {"existing": existing, "claim": None}',
      '',
      '',
      'def handler(patient, facility_id, claim_id):',
      '    both = load_both(patient)',
      '    logger.info("found %s", both["found"])',
      '    logger.info("profile %s", both["profile"])',
      '    result = load_facility(facility_id, claim_id)',
      '    logger.info("facility %s", result["existing"])',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'handlers.py'), source);
    const { report } = runJson(['scan', '.'], { cwd: dir });
    assert.deepEqual(report.findings.map((f) => `${f.line}:${f.ruleId}`), [`${lineOf(dir, 'handlers.py', 'both["profile"]')}:phi-in-log`]);
  });

  test('TS: a key destructured from what a function of the module returns holds only what is returned under it', () => {
    const dir = emptyTempDir('returned-keys-ts');
    const source = [
      "import { resolveClaimActor } from './provenance';",
      '',
      'export async function handler(params: { facilityId: string; claimId?: string }, patient: Patient) {',
      '  const { existing, agent } = await complexValidation(params);',
      "  console.debug('complexValidation success', existing);",
      "  console.debug('agent', agent);",
      '  const { found, profile } = loadBoth(patient);',
      "  console.log('profile', profile);",
      "  console.log('found', found);",
      '}',
      '',
      'async function complexValidation(params: { facilityId: string; claimId?: string }) {',
      '  const existing = await fetchById(params.facilityId);',
      '  const agent = params.claimId ? await resolveClaimActor(params.claimId) : undefined;',
      '  return { existing, agent };',
      '}',
      '',
      'function loadBoth(patient: Patient) {',
      '  return { found: true, profile: patient.dateOfBirth };',
      '}',
      '',
    ].join('\n');
    writeFileSync(path.join(dir, 'handler.ts'), source);
    const { report } = runJson(['scan', '.'], { cwd: dir });
    const line = (fragment) => `${lineOf(dir, 'handler.ts', fragment)}:phi-in-log`;
    // The claim actor is what resolveClaimActor names; the facility and the flag are not PHI.
    assert.deepEqual(report.findings.map((f) => `${f.line}:${f.ruleId}`), [line("'agent', agent"), line("'profile', profile")]);
  });
});

describe("scan: the contract's multi-file flow examples", () => {
  test('every expect marker of examples/next/flows and flows-ts is reported, and nothing else', () => {
    assertSpecExamplesPresent();
    for (const folder of ['flows', 'flows-ts']) {
      const dir = emptyTempDir(`contract-${folder}`);
      cpSync(path.join(SPEC_EXAMPLES, 'next', folder), dir, { recursive: true });
      const { report } = runJson(['scan', '.'], { cwd: dir });
      const files = readdirSync(dir).filter((file) => /\.(py|ts)$/.test(file)).sort();
      const expected = files.flatMap((file) => expectedFindings(readFileSync(path.join(dir, file), 'utf8')).map((key) => `${file}:${key}`)).sort();
      const actual = report.findings.map((f) => `${f.file}:${f.line}:${f.ruleId}`).sort();
      assert.deepEqual(actual, expected, folder);
    }
  });
});
