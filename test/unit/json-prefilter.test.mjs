// The lexical test that lets a JSON file go unparsed (server/src/engine/adapters/data/json-prefilter.ts)
// must never drop a file phi-literal would report. Checked three ways: keys that name each
// reportable element, every key built from the words of analysis/literals/keys.ts (so a word added
// there without its stem here fails), and the JSON files of the repository's fixtures, read
// without the prefilter. Bundled with esbuild so the TypeScript sources are what is tested.

import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { repoRoot } from '../support/engine.mjs';
import { bundleSources } from '../support/source-bundle.mjs';

let lib;
let disposeBundle;

before(async () => {
  ({ lib, dispose: disposeBundle } = await bundleSources('json-prefilter', [
    "export { mayHoldReportableJsonValue } from './server/src/engine/adapters/data/json-prefilter';",
    "export { elementOfKey } from './server/src/engine/analysis/literals/keys';",
    "export { findLiteralPhi } from './server/src/engine/analysis/literals';",
    "export { readJson } from './server/src/engine/adapters/data/json';",
    "export { DataValues, fileRecordName } from './server/src/engine/adapters/data/values';",
    "export { computeLineStarts } from './server/src/engine/model/text';",
  ]));
});
after(() => disposeBundle?.());

/** Elements whose hit lets a file's findings through (a strong identifier, or the birth date of a whole identity). */
const GATING = new Set(['ssn', 'mbi', 'nhs', 'mrn', 'member', 'policy', 'account', 'dob']);

/** phi-literal's hits on a JSON text read without the prefilter. */
function unfilteredHits(text, file = 'data.json') {
  const values = new lib.DataValues(lib.computeLineStarts(text));
  lib.readJson(text, 0, values, { context: [lib.fileRecordName(file)] });
  return lib.findLiteralPhi({ dataValues: values.values, literals: [] });
}

const KEYS_NAMING_GATING_ELEMENTS = [
  'ssn', 'social_security_number', 'patientSSN', 'mbi', 'hicn', 'medicare_number', 'nhsNumber', 'nhs_no', 'mrn',
  'medicalRecordNumber', 'chart_no', 'memberId', 'subscriber_id', 'beneficiary_number', 'insurance_id', 'insuredId',
  'healthPlanId', 'policy_number', 'accountNo', 'acct', 'dob', 'birthDate', 'date_of_birth', 'birthday', 'PID-3', 'PID-7', 'PID-19',
];

describe('the JSON prefilter', () => {
  test('keeps a file with a key that names an identifier or a birth date', () => {
    for (const key of KEYS_NAMING_GATING_ELEMENTS) {
      assert.ok(GATING.has(lib.elementOfKey(key)), `${key} names a gating element`);
      assert.equal(lib.mayHoldReportableJsonValue(`{"${key}": "x"}`), true, key);
    }
  });

  test('keeps a file with an SSN or MBI shaped value under any key, a FHIR identifier system, or a \\u escape', () => {
    assert.equal(lib.mayHoldReportableJsonValue('{"note": "123-45-6789"}'), true);
    assert.equal(lib.mayHoldReportableJsonValue('{"note": "1EG4-TE5-MK72"}'), true);
    assert.equal(lib.mayHoldReportableJsonValue('{"identifier": [{"system": "urn:oid:2.16.840.1.113883.4.1", "value": "x"}]}'), true);
    assert.equal(lib.mayHoldReportableJsonValue('{"\\u0073sn": "x"}'), true);
    // An escape between the digits does not hide the shape.
    assert.equal(lib.mayHoldReportableJsonValue('{"note": "123-4\\55-6789"}'), true);
  });

  test('drops a file whose keys and values can hold nothing reportable', () => {
    assert.equal(lib.mayHoldReportableJsonValue('{"name": "Asthma", "code": "J45", "display": "Asthma, unspecified"}'), false);
    assert.equal(lib.mayHoldReportableJsonValue('{"greeting": "Hello", "first_name": "First name", "phone": "Phone"}'), false);
    assert.equal(lib.mayHoldReportableJsonValue('[{"id": 1, "created": "2024-01-01", "tags": ["a\\nb"]}]'), false);
  });

  test('keeps every key that elementOfKey maps to a gating element, built from the words keys.ts knows', () => {
    const source = readFileSync(path.join(repoRoot, 'server/src/engine/analysis/literals/keys.ts'), 'utf8');
    const words = [...new Set([...source.matchAll(/'([a-z0-9]+)'/g)].map((match) => match[1]))];
    assert.ok(words.length > 100, 'the vocabulary was read');
    const keys = [];
    for (const first of words) {
      keys.push(first);
      for (const second of words) keys.push(`${first}_${second}`);
    }
    const missed = [];
    for (const key of keys) {
      for (const context of [[], ['address']]) {
        if (GATING.has(lib.elementOfKey(key, context)) && !lib.mayHoldReportableJsonValue(`{"${key}": "x"}`)) missed.push(key);
      }
    }
    assert.deepEqual(missed, []);
  });

  test('drops no fixture of the repository that phi-literal reports', () => {
    const files = [];
    const walk = (folder) => {
      for (const entry of readdirSync(folder, { withFileTypes: true })) {
        const full = path.join(folder, entry.name);
        if (entry.isDirectory() && entry.name !== 'node_modules' && entry.name !== 'realworld') walk(full);
        else if (entry.isFile() && entry.name.endsWith('.json')) files.push(full);
      }
    };
    walk(path.join(repoRoot, 'test'));
    walk(path.join(repoRoot, 'examples'));
    let reported = 0;
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      const hits = unfilteredHits(text, file);
      if (hits.length > 0) reported++;
      if (!lib.mayHoldReportableJsonValue(text)) assert.deepEqual(hits, [], path.relative(repoRoot, file));
    }
    assert.ok(reported > 0, 'some fixture is reported, so the check can fail');
  });
});
