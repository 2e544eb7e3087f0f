// Flows across functions and files (docs/architecture.md, "Flows across functions and files"):
// function summaries, calls resolved through imports, barrels, path aliases and base classes, and
// leaks inside a callee reported at the call in the caller, with the sink as related information.
// Fixtures: test/fixtures/flows/python (a package with relative and absolute imports) and
// test/fixtures/flows/ts (a barrel, a default export, a namespace import, a tsconfig alias).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { actualFindings, expectedFindings } from '../support/expectations.mjs';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES } from '../support/spec-examples.mjs';

before(loadEngine);

const PY = path.join(repoRoot, 'test/fixtures/flows/python');
const TS = path.join(repoRoot, 'test/fixtures/flows/ts');
const TS_ALIASES = { baseUrl: TS, paths: { '@lib/*': ['src/lib/*'] } };

function sourceFiles(dir) {
  return readdirSync(dir)
    .flatMap((name) => {
      const full = path.join(dir, name);
      return statSync(full).isDirectory() ? sourceFiles(full) : [full];
    })
    .filter((file) => engine().languageFromPath(file))
    .sort();
}

/** An index of every source file of `root`, with the texts given in `overrides` instead of the files'. */
function buildIndex(root, { aliases, overrides = {} } = {}) {
  const e = engine();
  const index = new e.WorkspaceIndex(root, aliases);
  for (const file of sourceFiles(root)) {
    const summary = e.summarizeFile({ text: overrides[file] ?? readFileSync(file, 'utf8'), path: file }, e.defaultPolicy());
    if (summary) index.set(summary);
  }
  return index;
}

function analyzeWith(index, file, text = readFileSync(file, 'utf8')) {
  return engine().analyze({ text, path: file }, engine().defaultPolicy(), index ? { workspace: index } : {});
}

function lineOf(file, fragment) {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(fragment));
  assert.ok(index >= 0, `${fragment} not in ${file}`);
  return index;
}

describe('flows across files: every expect marker of the multi-file fixtures, and nothing else', () => {
  for (const [root, aliases] of [[PY, undefined], [TS, TS_ALIASES]]) {
    for (const file of sourceFiles(root)) {
      test(path.relative(path.join(repoRoot, 'test/fixtures/flows'), file), () => {
        const result = analyzeWith(buildIndex(root, { aliases }), file);
        assert.deepEqual(result.ruleFailures, []);
        assert.equal(result.internalErrors, undefined);
        assert.deepEqual(actualFindings(result), expectedFindings(readFileSync(file, 'utf8')));
      });
    }
  }
});

describe('reporting at the call', () => {
  const intake = path.join(PY, 'clinic/intake.py');
  const audit = path.join(PY, 'clinic/audit.py');

  test('the message names the callee and the sink; the flow ends at the sink, in the helper file', () => {
    const line = lineOf(intake, 'trace("admitting", patient.date_of_birth)');
    const finding = analyzeWith(buildIndex(PY), intake).findings.find((f) => f.line === line);
    assert.ok(finding);
    assert.equal(finding.ruleId, 'phi-in-log');
    assert.equal(finding.message, '`patient.date_of_birth` is passed to `trace()`, which logs it (clinic/audit.py:8).');
    assert.deepEqual(finding.phi, [{ element: 'date_of_birth', category: 'demographics' }]);
    const sink = finding.flow.at(-1);
    assert.equal(sink.path, audit);
    assert.equal(sink.range.start.line, lineOf(audit, 'logger.debug("%s: %s", label, value)'));
    assert.equal(sink.label, 'logger.debug (log sink, clinic/audit.py:8)');
    // Every other step is in the caller.
    assert.ok(finding.flow.slice(0, -1).every((step) => step.path === undefined));
  });

  test('without the workspace index the call is not followed', () => {
    const line = lineOf(intake, 'trace("admitting", patient.date_of_birth)');
    assert.equal(analyzeWith(undefined, intake).findings.filter((f) => f.line === line).length, 0);
  });

  test('a callee that leaks on its own terms is reported there only, not at its callers', () => {
    const showLine = lineOf(intake, 'show(patient)');
    assert.equal(analyzeWith(buildIndex(PY), intake).findings.filter((f) => f.line === showLine).length, 0);
    const own = analyzeWith(buildIndex(PY), audit).findings;
    assert.deepEqual(own.map((f) => f.line), [lineOf(audit, 'logger.info("showing %s", patient.last_name)')]);
  });

  test('a suppression comment on the call line hides the finding', () => {
    const line = lineOf(intake, 'trace("reviewed", patient.ssn)');
    const result = analyzeWith(buildIndex(PY), intake);
    assert.equal(result.findings.filter((f) => f.line === line).length, 0);
    assert.deepEqual(result.suppressed.map((f) => [f.line, f.ruleId]), [[line, 'phi-in-log']]);
  });

  test('the log fix passes the record id at the call, and suppression is offered', () => {
    const e = engine();
    const index = buildIndex(PY);
    const line = lineOf(intake, 'audit.trace("mrn", patient.mrn)');
    const text = readFileSync(intake, 'utf8');
    const finding = analyzeWith(index, intake, text).findings.find((f) => f.line === line);
    const fix = finding.fixes.find((f) => f.isPreferred);
    assert.equal(fix.title, 'Pass `patient.id` instead');
    assert.ok(finding.fixes.some((f) => f.kind === 'suppress'));
    const fixed = e.applyTextEdits(text, fix.edits);
    assert.equal(fixed.split('\n')[line].trim(), 'audit.trace("mrn", patient.id)  # expect: phi-in-log');
    const after = analyzeWith(index, intake, fixed);
    assert.equal(after.findings.filter((f) => f.line === line).length, 0);
    assert.equal(after.findings.length, analyzeWith(index, intake, text).findings.length - 1);
  });

  test('a helper edited to mask its argument clears the findings at its callers', () => {
    const text = readFileSync(audit, 'utf8').replace('logger.debug("%s: %s", label, value)', 'logger.debug("%s: %s", label, mask(value))');
    const index = buildIndex(PY, { overrides: { [audit]: text } });
    const lines = analyzeWith(index, intake).findings.map((f) => f.line);
    assert.ok(!lines.includes(lineOf(intake, 'trace("admitting", patient.date_of_birth)')));
    assert.ok(!lines.includes(lineOf(intake, 'audit.trace("mrn", patient.mrn)')));
    // The chain through relay() ends at trace() too.
    assert.ok(!lines.includes(lineOf(intake, 'forward(patient.ssn)')));
    // countdown() logs by itself: still reported.
    assert.ok(lines.includes(lineOf(intake, 'audit.countdown(3, patient.ssn)')));
  });
});

describe('an index edited file by file', () => {
  test('gives the findings of a fresh index of the same texts', () => {
    const e = engine();
    const audit = path.join(PY, 'clinic/audit.py');
    const base = path.join(PY, 'clinic/base.py');
    const edits = {
      [audit]: readFileSync(audit, 'utf8').replace('logger.debug("%s: %s", label, value)', 'logger.debug("%s: %s", label, mask(value))'),
      [base]: readFileSync(base, 'utf8').replace('trace("record", value)', 'trace("record", value.pk)'),
    };
    const edited = buildIndex(PY);
    const findingsOf = (index) => sourceFiles(PY).map((file) => actualFindings(analyzeWith(index, file, edits[file] ?? readFileSync(file, 'utf8'))));
    const original = findingsOf(edited);
    for (const [file, text] of Object.entries(edits)) edited.set(e.summarizeFile({ text, path: file }, e.defaultPolicy()));
    const fresh = buildIndex(PY, { overrides: edits });
    assert.deepEqual(findingsOf(edited), findingsOf(fresh));
    assert.notDeepEqual(findingsOf(edited), original, 'the edits change findings in other files');
    // And back again.
    for (const file of Object.keys(edits)) edited.set(e.summarizeFile({ text: readFileSync(file, 'utf8'), path: file }, e.defaultPolicy()));
    assert.deepEqual(findingsOf(edited), findingsOf(buildIndex(PY)));
  });
});

describe('summaries', () => {
  const audit = path.join(PY, 'clinic/audit.py');

  test('parameters -> sinks, parameters -> return, PHI of their own, by value', () => {
    const index = buildIndex(PY);
    const of = (name) => index.summaryOf(audit, name);
    // Both the label and the value are logged.
    assert.deepEqual(of('trace').sinks.map((s) => [s.param, s.effect.ruleId]), [[0, 'phi-in-log'], [1, 'phi-in-log']]);
    // The masked value does not reach the sink; the label does.
    assert.deepEqual(of('trace_masked').sinks.map((s) => s.param), [0]);
    assert.deepEqual(of('relay').sinks.map((s) => [s.param, s.effect.range.start.line]), [[0, lineOf(audit, 'logger.debug("%s: %s", label, value)')]]);
    assert.deepEqual(of('countdown').sinks.map((s) => s.param), [1]);
    assert.deepEqual(of('fail_with').sinks.map((s) => [s.param, s.effect.ruleId]), [[0, 'phi-in-error']]);
    assert.deepEqual(of('same').returnsParams, [0]);
    assert.equal(of('display_label').returnsOwn, undefined);
    assert.deepEqual(of('display_label').returnsParams, []);
    assert.deepEqual(of('full_name').returnsOwn.elements.map((e) => e.element), ['name']);
    assert.deepEqual(of('show').sinks, [], 'a sink that leaks on its own terms is not a parameter sink');
  });

  test('methods resolve through self. and a base class in another module', () => {
    const index = buildIndex(PY);
    const visits = path.join(PY, 'clinic/services/visits.py');
    const summary = index.summaryOf(visits, 'VisitService.check_in');
    assert.deepEqual(summary.params, ['self', 'patient']);
    assert.equal(summary.implicitFirst, true);
    assert.deepEqual(index.summaryOf(visits, 'VisitService.note').sinks.map((s) => s.param), [1]);
  });

  // The editor asks for its open files' keys only, after each change; the CLI asks for every file's.
  test('dependency keys: the same whichever files are asked for first, and they change with what a file imports', () => {
    const files = [PY, TS].flatMap((root) => sourceFiles(root));
    const keysOf = (index, order) => new Map(order.map((file) => [file, index.dependencyKey(file)]));
    const forward = keysOf(buildIndex(PY), files.filter((file) => file.startsWith(PY)));
    const backward = keysOf(buildIndex(PY), files.filter((file) => file.startsWith(PY)).reverse());
    assert.deepEqual(new Map([...backward].sort()), new Map([...forward].sort()));
    const intake = path.join(PY, 'clinic/intake.py');
    const audit = path.join(PY, 'clinic/audit.py');
    const forwarder = path.join(PY, 'clinic/forwarder.py');
    // Keyed once, then the helper intake imports changes: intake's key follows, a file importing neither keeps its own.
    const index = buildIndex(PY);
    const before = keysOf(index, [intake, forwarder, audit]);
    const masked = readFileSync(audit, 'utf8').replace('logger.debug("%s: %s", label, value)', 'logger.debug("%s: %s", label, mask(value))');
    assert.notEqual(masked, readFileSync(audit, 'utf8'));
    index.set(engine().summarizeFile({ text: masked, path: audit }, engine().defaultPolicy()));
    const after = keysOf(index, [intake, forwarder, audit]);
    assert.notEqual(after.get(audit), before.get(audit));
    assert.notEqual(after.get(intake), before.get(intake), 'the caller of the edited helper is re-checked');
    assert.equal(after.get(forwarder), before.get(forwarder), 'a file that imports neither is not');
    // And the keys are those of an index built with the edited helper from the start.
    const fresh = keysOf(buildIndex(PY, { overrides: { [audit]: masked } }), [audit, forwarder, intake]);
    assert.deepEqual(new Map([...after].sort()), new Map([...fresh].sort()));
  });

  test('summaries and the index hold no source text', () => {
    const index = buildIndex(PY);
    const tsIndex = buildIndex(TS, { aliases: TS_ALIASES });
    const held = [index.summaries(), tsIndex.summaries()];
    const dumped = JSON.stringify([...held, index.dependencyKey(path.join(PY, 'clinic/intake.py'))]);
    // String literals of the fixtures (labels, messages, format strings) are nowhere in them.
    for (const literal of ['admitting', 'cannot admit', '***', 'patient #', 'showing', '%s', 'check-in', 'checked out']) {
      assert.ok(!dumped.includes(literal), `a summary holds the literal ${literal}`);
    }
    // Nor any text or tree field.
    const keys = new Set();
    const collect = (value) => {
      if (Array.isArray(value)) value.forEach(collect);
      else if (value && typeof value === 'object') for (const [key, inner] of Object.entries(value)) keys.add(key), collect(inner);
    };
    collect(held);
    for (const key of ['text', 'tree', 'rootNode', 'source', 'lineStarts', 'bindings']) assert.ok(!keys.has(key), `a summary has a ${key} field`);
  });
});

describe('the contract examples (flows across functions and files)', () => {
  test("the product contract's conformance examples are present", assertSpecExamplesPresent);
  const dirs = ['next/flows', 'next/flows-ts'].map((dir) => path.join(SPEC_EXAMPLES, dir));
  // The cross-function lines of the examples; containers, serialisers and row keys are another part.
  const callLines = { 'intake.py': [11, 14, 16, 17, 12, 13, 15], 'audit_util.py': [9, 13, 17, 22, 26, 30], 'visits.ts': [9, 10, 11, 12], 'log-util.ts': [7, 11, 15] };
  for (const dir of dirs) {
    for (const file of readdirSync(dir).sort()) {
      const full = path.join(dir, file);
      if (!callLines[file]) continue;
      test(`${path.basename(dir)}/${file}`, () => {
        const index = new (engine().WorkspaceIndex)(SPEC_EXAMPLES);
        for (const other of readdirSync(dir)) {
          const summary = engine().summarizeFile({ text: readFileSync(path.join(dir, other), 'utf8'), path: path.join(dir, other) }, engine().defaultPolicy());
          if (summary) index.set(summary);
        }
        const lines = new Set(callLines[file]);
        const keep = (key) => lines.has(Number(key.split(':')[0]));
        const result = analyzeWith(index, full);
        assert.deepEqual(actualFindings(result).filter(keep), expectedFindings(readFileSync(full, 'utf8')).filter(keep));
      });
    }
  }
});
