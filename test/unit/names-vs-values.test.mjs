// Names are not values, non-person values, the international and Spanish/Portuguese catalogue, and
// the push/AWS messaging vendors. The per-pattern fixtures, each positive with its negative beside it,
// are conformance files in test/fixtures/engine (names_vs_values_*, vendors_push_*), checked by
// engine.test.mjs; this file checks the contract's own example and what the policy changes.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { actualFindings, expectedFindings } from '../support/expectations.mjs';
import { engine, loadEngine } from '../support/engine.mjs';
import { SPEC_EXAMPLES } from '../support/spec-examples.mjs';

before(loadEngine);

function analyze(text, file, policy = engine().defaultPolicy()) {
  return engine().analyze({ text, path: file }, policy);
}

function findingsOf(text, file, policy) {
  return analyze(text, file, policy).findings.map((f) => `${f.line + 1}:${f.ruleId}`);
}

describe('names are not values', () => {
  test("the contract's example: constants, enum members, labels and a configuration address are quiet; hospital and CHI numbers are reported", (t) => {
    const file = path.join(SPEC_EXAMPLES, 'next/names_vs_values.py');
    if (!existsSync(file)) return t.skip('the contract examples are not checked out');
    const text = readFileSync(file, 'utf8');
    const result = analyze(text, 'names_vs_values.py');
    assert.deepEqual(result.ruleFailures, []);
    assert.deepEqual(actualFindings(result), expectedFindings(text));
  });

  test('a constant bound to a PHI value is still PHI: the value wins over the name', () => {
    const text = ['import logging', 'def f(patient):', '    PATIENT_SSN = patient.ssn', '    logging.info("ssn %s", PATIENT_SSN)', '    NHS_SYSTEM = "https://fhir.nhs.uk/Id/nhs-number"', '    logging.info("system %s", NHS_SYSTEM)', ''].join('\n');
    assert.deepEqual(findingsOf(text, 'a.py'), ['4:phi-in-log']);
  });

  test('an enum-like member on a patient record is the record field, not a constant', () => {
    const text = ['export function f(patient: any, FieldName: any) {', '  console.log(patient.SSN_VALUE);', '  console.log(FieldName.SSN_VALUE);', '}', ''].join('\n');
    assert.deepEqual(findingsOf(text, 'a.ts'), ['2:phi-in-log']);
  });

  test('the policy can still remove a catalogue element added here (hospital_number)', () => {
    const text = ['import logging', 'def f(patient):', '    logging.info("%s", patient.hospital_number)', ''].join('\n');
    assert.deepEqual(findingsOf(text, 'a.py'), ['3:phi-in-log']);
    const policy = engine().defaultPolicy();
    const removed = { ...policy, phi: { ...policy.phi, remove: ['mrn'] } };
    assert.deepEqual(findingsOf(text, 'a.py', removed), []);
  });
});

describe('push and AWS messaging vendors', () => {
  const python = [
    'import boto3',
    'from firebase_admin import messaging',
    'sns = boto3.client("sns")',
    'def notify(patient, token):',
    '    sns.publish(PhoneNumber=patient.phone, Message="Your results are ready")',
    '    messaging.send(messaging.Message(notification=messaging.Notification(body=patient.diagnosis), token=token))',
    '',
  ].join('\n');

  test('without a BAA each send is reported, naming the vendor', () => {
    const result = analyze(python, 'push.py');
    assert.deepEqual(result.findings.map((f) => `${f.line + 1}:${f.ruleId}`), ['5:phi-to-third-party', '6:phi-to-third-party']);
    assert.match(result.findings[0].message, /AWS SNS/);
    assert.match(result.findings[1].message, /Firebase Cloud Messaging/);
  });

  test('a signed BAA in the policy covers the vendor it names, and only that one', () => {
    const policy = { ...engine().defaultPolicy(), vendors: [{ id: 'aws-sns', baa: 'signed' }] };
    assert.deepEqual(findingsOf(python, 'push.py', policy), ['6:phi-to-third-party']);
  });
});
