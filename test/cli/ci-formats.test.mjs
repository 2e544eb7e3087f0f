// `phi-guard scan --format github` (workflow-command annotations) and `--format junit` (a JUnit
// XML test report): parsed back as a runner and a CI test-report reader would, with the escaping
// a file name needs and files that could not be analysed.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { copyFixture, runCli, runJson } from './run-cli.mjs';

const LEAK = 'import logging\nlogger = logging.getLogger(__name__)\n\ndef show(patient):\n    logger.info(patient.ssn)\n';

/** One workflow command, as the runner reads it: `::name k=v,k=v::message`, unescaped. */
function parseWorkflowCommand(line) {
  const match = /^::([a-z]+)(?: ([^:]*))?::(.*)$/.exec(line);
  assert.ok(match, `a workflow command: ${line}`);
  const unescapeData = (s) => s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
  const unescapeProperty = (s) => unescapeData(s.replace(/%3A/g, ':').replace(/%2C/g, ','));
  const properties = {};
  for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
    const at = pair.indexOf('=');
    properties[pair.slice(0, at)] = unescapeProperty(pair.slice(at + 1));
  }
  return { command: match[1], properties, message: unescapeData(match[3]) };
}

test('--format github: one annotation per finding at its position, then the totals; exit code as usual', () => {
  const cwd = copyFixture('leaky');
  const { report } = runJson(['scan', '.', '--fail-on', 'never'], { cwd });
  const result = runCli(['scan', '.', '--format', 'github'], { cwd });
  assert.equal(result.status, 1);
  const lines = result.stdout.trimEnd().split('\n');
  const annotations = lines.filter((line) => line.startsWith('::')).map(parseWorkflowCommand);
  assert.equal(annotations.length, report.findings.length);
  annotations.forEach((annotation, i) => {
    const finding = report.findings[i];
    assert.equal(annotation.command, { error: 'error', warning: 'warning', info: 'notice' }[finding.severity]);
    assert.equal(annotation.properties.file, finding.file);
    assert.equal(Number(annotation.properties.line), finding.startLine);
    if (finding.startLine === finding.endLine) {
      assert.equal(Number(annotation.properties.col), finding.startColumn);
      assert.equal(Number(annotation.properties.endColumn), Math.max(finding.startColumn, finding.endColumn - 1));
    }
    assert.match(annotation.properties.title, new RegExp(`^PHI Guard ${finding.ruleId}: `));
    assert.ok(annotation.message.startsWith(finding.message), annotation.message);
  });
  assert.match(lines.at(-1), new RegExp(`^PHI Guard: ${report.findings.length} finding\\(s\\)`));
});

test('--format github: properties and messages escaped per the workflow-command syntax; paths relative to GITHUB_WORKSPACE', () => {
  const cwd = copyFixture('clean');
  mkdirSync(path.join(cwd, 'svc'));
  // A name with every character the syntax reserves in a property.
  writeFileSync(path.join(cwd, 'svc', 'a,b:c%d.py'), LEAK);
  // Mostly NUL bytes: not analysed, an error annotation of its own.
  writeFileSync(path.join(cwd, 'svc', 'blob.py'), Buffer.alloc(4096));
  const result = runCli(['scan', '.', '--format', 'github'], { cwd: path.join(cwd, 'svc'), env: { GITHUB_WORKSPACE: cwd } });
  assert.equal(result.status, 2, 'the file not analysed wins');
  const annotations = result.stdout.split('\n').filter((line) => line.startsWith('::'));
  for (const line of annotations) {
    const props = /^::[a-z]+ ([^:]*)::/.exec(line)[1];
    for (const pair of props.split(',')) assert.match(pair, /^[a-zA-Z]+=[^,:]*$/, `escaped property: ${pair}`);
  }
  const parsed = annotations.map(parseWorkflowCommand);
  const leak = parsed.find((a) => a.properties.title?.includes('phi-in-log'));
  assert.equal(leak.properties.file, 'svc/a,b:c%d.py', 'relative to the workspace, not the scan folder');
  assert.equal(leak.command, 'error');
  const blob = parsed.find((a) => a.properties.file === 'svc/blob.py');
  assert.equal(blob.command, 'error');
  assert.match(blob.properties.title, /binary/);
  assert.ok(!result.stdout.includes('ssn)'), 'no source text');
});

function parseJunit(xml) {
  // Python's XML parser is strict: it rejects anything that is not well-formed.
  const script = `
import json, sys, xml.dom.minidom as m
d = m.parseString(sys.stdin.buffer.read())
root = d.documentElement
def attrs(e): return {k: v for k, v in e.attributes.items()}
out = {"tag": root.tagName, **attrs(root), "suites": []}
for s in root.getElementsByTagName("testsuite"):
    cases = []
    for c in s.getElementsByTagName("testcase"):
        f = c.getElementsByTagName("failure"); e = c.getElementsByTagName("error")
        cases.append({**attrs(c),
            "failure": ({**attrs(f[0]), "text": "".join(n.data for n in f[0].childNodes)} if f else None),
            "error": (attrs(e[0]) if e else None)})
    out["suites"].append({**attrs(s), "cases": cases})
print(json.dumps(out))`;
  const result = spawnSync('python3', ['-c', script], { input: xml, encoding: 'utf8' });
  assert.equal(result.status, 0, `well-formed XML: ${result.stderr}`);
  return JSON.parse(result.stdout);
}

test('--format junit: well-formed XML, one suite per rule, a failure per finding, counts that add up', () => {
  const cwd = copyFixture('leaky');
  const { report } = runJson(['scan', '.', '--fail-on', 'never'], { cwd });
  const result = runCli(['scan', '.', '--format', 'junit'], { cwd });
  assert.equal(result.status, 1);
  const doc = parseJunit(result.stdout);
  assert.equal(doc.tag, 'testsuites');
  const failures = doc.suites.flatMap((s) => s.cases.filter((c) => c.failure).map((c) => ({ suite: s.name, ...c })));
  assert.equal(failures.length, report.findings.length);
  assert.equal(Number(doc.failures), report.findings.length);
  assert.equal(Number(doc.tests), doc.suites.reduce((n, s) => n + s.cases.length, 0));
  for (const suite of doc.suites) assert.equal(Number(suite.tests), suite.cases.length);
  for (const finding of report.findings) {
    const hit = failures.find((c) => c.suite === finding.ruleId && c.name === `${finding.file}:${finding.startLine}:${finding.startColumn}`);
    assert.ok(hit, `${finding.file}:${finding.line} ${finding.ruleId}`);
    assert.equal(hit.failure.message, finding.message);
    assert.equal(hit.failure.type, finding.severity);
    assert.match(hit.failure.text, /\nHIPAA: /);
  }
  const clean = doc.suites.find((s) => !report.findings.some((f) => f.ruleId === s.name));
  assert.deepEqual(clean.cases.map((c) => c.name), ['no findings']);
});

test('--format junit: escaping, and a file not analysed is an <error>', () => {
  const cwd = copyFixture('clean');
  writeFileSync(path.join(cwd, 'a&b<c>"\'.py'), LEAK);
  writeFileSync(path.join(cwd, 'blob.py'), Buffer.alloc(4096));
  const result = runCli(['scan', '.', '--format', 'junit'], { cwd });
  assert.equal(result.status, 2);
  const doc = parseJunit(result.stdout);
  const leak = doc.suites.find((s) => s.name === 'phi-in-log').cases[0];
  assert.match(leak.name, /^a&b<c>"'\.py:5:/);
  const own = doc.suites.find((s) => s.name === 'phi-guard');
  assert.ok(own.cases.some((c) => c.name === 'blob.py' && c.error), 'the unanalysed file is an error');
  assert.equal(Number(doc.errors), own.cases.filter((c) => c.error).length);
});
