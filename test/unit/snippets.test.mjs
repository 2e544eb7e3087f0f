// The snippets (issue 7): each one, expanded with its defaults and placed in a minimal module,
// parses and has zero findings under every registered rule. Plus the expander itself and the
// manifest wiring.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { expandSnippet, snippetTabStops } from '../scaffold/snippet-expander.mjs';

before(loadEngine);

const readJson = (file) => JSON.parse(readFileSync(path.join(repoRoot, file), 'utf8'));
const python = readJson('snippets/python.json');
const typescript = readJson('snippets/typescript.json');
const manifest = readJson('package.json');

const indent = (text, prefix) => text.split('\n').map((line) => (line ? prefix + line : line)).join('\n');

const PY_MODELS = [
  'from pydantic import BaseModel',
  '',
  '',
  'class PatientCreate(BaseModel):',
  '    status: str = "active"',
  '',
  '',
  'class PatientUpdate(PatientCreate):',
  '    pass',
  '',
  '',
  'class PatientRead(PatientCreate):',
  '    id: str',
  '',
].join('\n');

const PY_SQLALCHEMY = [
  'import os',
  '',
  'from sqlalchemy import Column, Date, String, Text',
  'from sqlalchemy.orm import Mapped, declarative_base, mapped_column',
  'from sqlalchemy_utils import StringEncryptedType',
  'from sqlalchemy_utils.types.encrypted.encrypted_type import AesEngine',
  '',
  'Base = declarative_base()',
  '',
  '',
  'def get_field_key() -> str:',
  '    return os.environ["PHI_FIELD_KEY"]',
  '',
  '',
  'class Patient(Base):',
  '    __tablename__ = "patients"',
  '',
  '    id = Column(String, primary_key=True)',
].join('\n');

/** The minimal module each snippet lives in, by snippet name. */
function pythonModule(name, expanded) {
  const router = expandSnippet(python['PHI router module (FastAPI)'].body);
  if (name === 'PHI router module (FastAPI)') return expanded;
  if (name.startsWith('PHI endpoint')) return `${router}\n${PY_MODELS}\n\n${expanded}\n`;
  if (name === 'PHI-safe log line') return `import logging\n\nlogger = logging.getLogger(__name__)\n\n\ndef handle(patient_id: str) -> None:\n${indent(expanded, '    ')}\n`;
  if (name.startsWith('Encrypted PHI column')) return `${PY_SQLALCHEMY}\n${indent(expanded, '    ')}\n`;
  throw new Error(`no test module for the python snippet '${name}': add one to snippets.test.mjs`);
}

function tsModule(name, expanded, languageId) {
  const typed = languageId !== 'javascript';
  if (name === 'PHI route (Express)') {
    return [
      "const express = require('express');",
      "const { phiAccess } = require('./security/phi-access');",
      '',
      'const logger = console;',
      'const router = express.Router();',
      '',
      expanded,
      '',
      'module.exports = { router };',
      '',
    ].join('\n');
  }
  if (name === 'PHI middleware import (Express)') return `${expanded}\n\nmodule.exports = { phiAccess };\n`;
  if (name === 'PHI handler (NestJS)') {
    return [
      "import { Controller, Delete, Get, Logger, Param, Patch, Post, Put } from '@nestjs/common';",
      "import { PhiAccess } from './security/phi-access';",
      '',
      'interface Patient {',
      '  id: string;',
      '}',
      '',
      'interface PatientsService {',
      '  get(patientId: string): Promise<Patient>;',
      '}',
      '',
      "@Controller('patients')",
      'export class PatientsController {',
      '  private readonly logger = new Logger(PatientsController.name);',
      '',
      '  constructor(private readonly patients: PatientsService) {}',
      '',
      indent(expanded, '  '),
      '}',
      '',
    ].join('\n');
  }
  if (name === 'PHI-safe log line') {
    return [
      'const logger = console;',
      '',
      typed ? 'export function handle(patient: { id: string }): void {' : 'function handle(patient) {',
      indent(expanded, '  '),
      '}',
      '',
    ].join('\n');
  }
  throw new Error(`no test module for the TypeScript snippet '${name}': add one to snippets.test.mjs`);
}

const EXTENSIONS = { python: 'py', typescript: 'ts', typescriptreact: 'tsx', javascript: 'js', javascriptreact: 'jsx' };

function check(languageId, name, text) {
  const e = engine();
  assert.equal(e.countSyntaxErrors(text, languageId), 0, `'${name}' does not parse as ${languageId}:\n${text}`);
  const result = e.analyze({ text, path: `/workspace/snippet-check/snippet.${EXTENSIONS[languageId]}`, languageId }, e.defaultPolicy());
  assert.deepEqual(result.ruleFailures, []);
  assert.deepEqual(
    result.findings.map((f) => `${f.ruleId}:${f.line + 1}: ${f.message}`),
    [],
    `'${name}' has findings as ${languageId}:\n${text}`,
  );
}

describe('snippet expander', () => {
  test('choices, nested placeholders, mirrors, variables and escapes', () => {
    assert.equal(expandSnippet('a ${1|x,y|} ${2:b ${3:c}} $3 $1 $9 \\$x ${TM_FILENAME_BASE} ${NOPE:dflt} $UNKNOWN $0'), 'a x b c c x  $x patients dflt UNKNOWN ');
    assert.equal(expandSnippet(['${1:one}', '${1}']), 'one\none');
    assert.equal(expandSnippet('${1|a\\,b,c|}'), 'a,b');
    assert.equal(expandSnippet('${TM_FILENAME/(.*)\\..+$/$1/}'), 'patients.py');
  });
});

describe('snippets', () => {
  test('contributed for python, typescript, typescriptreact, javascript and javascriptreact', () => {
    const byLanguage = Object.fromEntries(manifest.contributes.snippets.map((s) => [s.language, s.path]));
    assert.equal(byLanguage.python, './snippets/python.json');
    for (const language of ['typescript', 'typescriptreact', 'javascript', 'javascriptreact']) assert.equal(byLanguage[language], './snippets/typescript.json');
  });

  test('cover what docs/scaffold.md promises', () => {
    const bodies = (set) => Object.values(set).map((s) => [].concat(s.body).join('\n'));
    const py = bodies(python);
    for (const method of ['get', 'post', 'put', 'delete']) {
      assert.ok(py.some((b) => b.includes(`@router.${method}(`) || b.includes(`@router.\${1|${method}`)), `a FastAPI ${method} endpoint`);
    }
    assert.ok(py.filter((b) => b.includes('@phi_access(')).length >= 4);
    assert.ok(py.some((b) => b.includes('Depends(current_principal)')), 'a caller/role dependency');
    assert.ok(py.some((b) => b.includes('StringEncryptedType(')), 'an encrypted column');
    assert.ok(py.some((b) => b.startsWith('logger.')), 'a PHI-safe log line');
    const ts = bodies(typescript);
    assert.ok(ts.some((b) => b.includes('phiAccess({')), 'an Express route with phiAccess');
    assert.ok(ts.some((b) => b.includes('@PhiAccess({')), 'a NestJS handler with @PhiAccess');
    assert.ok([...py, ...ts].some((b) => b.includes('${2|read,write,delete|}') || b.includes('${3|read,write,delete|}')), 'an action choice');
    assert.ok([...py, ...ts].every((b) => !b.includes('|demographics') || b.includes('|demographics,clinical,billing|}')), 'category choices');
  });

  for (const [file, set] of [['python.json', python], ['typescript.json', typescript]]) {
    for (const [name, snippet] of Object.entries(set)) {
      test(`${file} '${name}': well formed`, () => {
        assert.ok(snippet.prefix && [].concat(snippet.prefix).every((p) => /^[a-z][a-z0-9-]*$/.test(p)), 'prefixes');
        assert.ok(snippet.description && snippet.description.length > 20, 'a description');
        const stops = snippetTabStops(snippet.body);
        assert.ok(stops.some((s) => s.index > 0), 'at least one tab stop');
        for (const stop of stops.filter((s) => s.kind === 'choice')) assert.ok(stop.options.length > 1 && stop.options.every(Boolean), 'choices are non-empty');
      });
    }
  }

  for (const [name, snippet] of Object.entries(python)) {
    test(`python '${name}': expanded with defaults, parses and has zero findings`, () => {
      check('python', name, pythonModule(name, expandSnippet(snippet.body)));
    });
  }

  for (const [name, snippet] of Object.entries(typescript)) {
    const scopes = snippet.scope ? snippet.scope.split(',') : ['typescript', 'typescriptreact', 'javascript'];
    for (const languageId of scopes) {
      test(`${languageId} '${name}': expanded with defaults, parses and has zero findings`, () => {
        check(languageId, name, tsModule(name, expandSnippet(snippet.body), languageId));
      });
    }
  }

  test('every choice of the category and role keeps an endpoint snippet parseable', () => {
    // Not zero findings for every combination (a role the policy does not permit for the chosen
    // category is reported, as it should be), but never broken code.
    const endpoint = python['PHI endpoint: read (FastAPI)'];
    const stops = snippetTabStops(endpoint.body).filter((s) => s.kind === 'choice');
    for (const stop of stops) {
      for (const option of stop.options) {
        const body = [].concat(endpoint.body).join('\n').replace(`\${${stop.index}|${stop.options.join(',')}|}`, option);
        const text = pythonModule('PHI endpoint: read (FastAPI)', expandSnippet(body));
        assert.equal(engine().countSyntaxErrors(text, 'python'), 0);
      }
    }
  });
});
