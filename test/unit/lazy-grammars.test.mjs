// Grammars loaded when a file first needs them (initEngineRuntime, what a fresh language server
// and the CLI await): the findings equal those of an engine that loaded all four up front, in
// any order of languages, and a grammar the background load brings later is not loaded twice.
// Each case runs in a fresh process: the engine's parsers are per process.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../support/engine.mjs';

const SAMPLES = {
  'patients.py': 'import logging\nlog = logging.getLogger(__name__)\n\ndef show(patient):\n    log.info("patient %s", patient.ssn)\n',
  'patients.ts': 'export function show(patient: { ssn: string }) {\n  console.log("patient", patient.ssn);\n}\n',
  'Patient.tsx': 'export function Patient(props: { patient: { dob: string } }) {\n  console.log(props.patient.dob);\n  return <div>{props.patient.dob}</div>;\n}\n',
  'patients.js': 'function show(patient) {\n  console.error(patient.diagnosis);\n}\nmodule.exports = { show };\n',
};

/** The findings (rule and line) of each sample, in the given order, from a fresh process. */
function findingsInFreshProcess(mode, order) {
  const script = `
    const engine = require(${JSON.stringify(path.join(repoRoot, 'dist/engine.js'))});
    const samples = ${JSON.stringify(SAMPLES)};
    (async () => {
      if (${JSON.stringify(mode)} === 'all') await engine.initEngine();
      else await engine.initEngineRuntime();
      const out = {};
      for (const file of ${JSON.stringify(order)}) {
        const result = engine.analyze({ text: samples[file], path: file }, engine.defaultPolicy());
        out[file] = result.findings.map((f) => f.ruleId + ':' + f.line);
      }
      // The background load after the first files (what the language server does): the grammars
      // already loaded stay, the others are added, and a file parses the same afterwards.
      await engine.initEngine();
      for (const file of ${JSON.stringify(order)}) {
        const again = engine.analyze({ text: samples[file], path: file }, engine.defaultPolicy());
        out[file + ' again'] = again.findings.map((f) => f.ruleId + ':' + f.line);
      }
      process.stdout.write(JSON.stringify(out));
    })().catch((error) => { console.error(error); process.exit(1); });`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' }));
}

test('grammars loaded on first use give the findings of grammars loaded up front', () => {
  const files = Object.keys(SAMPLES);
  const upFront = findingsInFreshProcess('all', files);
  for (const file of files) assert.ok(upFront[file].length > 0, `${file} has findings`);
  for (const order of [files, [...files].reverse()]) {
    assert.deepEqual(findingsInFreshProcess('runtime', order), upFront);
  }
});

test('before the runtime is ready, parsing says the engine was not initialised', () => {
  const script = `
    const engine = require(${JSON.stringify(path.join(repoRoot, 'dist/engine.js'))});
    try { engine.analyze({ text: 'x = 1\\n', path: 'a.py' }, engine.defaultPolicy()); console.log('parsed'); }
    catch (error) { console.log(String(error.message)); }`;
  const out = execFileSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.match(out, /before initEngine\(\) resolved/);
});
