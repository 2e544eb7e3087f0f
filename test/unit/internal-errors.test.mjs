// A step of the analysis outside the rules (endpoint discovery) that throws is recorded as an
// internal error in the result, by step name and error type only; the findings of every rule
// still come back. Run after `node esbuild.mjs`.

import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const ENDPOINT = [
  'from fastapi import APIRouter',
  'import logging',
  'logger = logging.getLogger(__name__)',
  'router = APIRouter()',
  '',
  '@router.get("/patients/{patient_id}")',
  'def read_patient(patient_id: str, patient):',
  '    logger.info(patient.ssn)',
  '    return patient',
  '',
].join('\n');

/** A policy whose audit section cannot be read: endpoint discovery reads it, the logging rule does not. */
function policyWithUnreadableAudit() {
  const { defaultPolicy } = engine();
  const policy = { ...defaultPolicy(), rules: { 'missing-phi-access': 'off', 'phi-access-mismatch': 'off' } };
  Object.defineProperty(policy, 'audit', {
    get() {
      throw new TypeError('audit unreadable: patient.ssn 078-05-1120');
    },
  });
  return policy;
}

test('endpoint discovery that throws is an internal error; the rules still report', () => {
  const result = engine().analyze({ text: ENDPOINT, path: 'app/routers/patients.py' }, policyWithUnreadableAudit());
  assert.deepEqual(result.endpoints, []);
  assert.equal(result.internalErrors?.length, 1);
  assert.equal(result.internalErrors[0].part, 'endpoint-discovery');
  assert.match(result.internalErrors[0].error, /^TypeError/);
  assert.doesNotMatch(JSON.stringify(result.internalErrors), /078-05-1120|ssn/, 'never the error message');
  assert.ok(result.findings.some((finding) => finding.ruleId === 'phi-in-log'), 'phi-in-log still ran');
  assert.deepEqual(result.ruleFailures, []);
});

test('a clean analysis has no internalErrors field', () => {
  const result = engine().analyze({ text: ENDPOINT, path: 'app/routers/patients.py' }, engine().defaultPolicy());
  assert.equal('internalErrors' in result, false);
  assert.equal(result.endpoints?.length, 1);
});
