// A FastAPI router the workspace mounts only under a debug switch is development tooling: its
// routes are not reported (docs/rules/missing-phi-access.md, "Routers mounted only in debug mode").
// A router also mounted outside the switch, or under its `else`, stays reported.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('fastapi-debug-routers', files);
const missing = (cwd) => findingLines(cwd, 'missing-phi-access');

const router = (name) =>
  [
    'from fastapi import APIRouter',
    'from app.db import get_patient',
    '',
    `${name} = APIRouter(prefix="/api/${name}")`,
    '',
    `@${name}.get("/patient/{patient_id}")`,
    'async def patient_lookup(patient_id: str):',
    '    patient = await get_patient(patient_id)',
    '    return {"name": patient.name, "diagnosis": patient.diagnosis}',
    '',
  ].join('\n');

const main = (body) => ['import os', 'from fastapi import FastAPI', '', 'app = FastAPI()', '', ...body, ''].join('\n');

const files = { 'app/__init__.py': '', 'app/debug_tools.py': router('debug_router'), 'app/patients.py': router('patients_router') };

test('a router mounted only under a debug switch serves no production route', () => {
  const cwd = project({
    ...files,
    'app/main.py': main([
      'from app.patients import patients_router',
      'app.include_router(patients_router)',
      'if os.getenv("DEBUG", "false").lower() == "true":',
      '    try:',
      '        from app.debug_tools import debug_router',
      '        app.include_router(debug_router)',
      '    except ImportError:',
      '        pass',
    ]),
  });
  assert.deepEqual(missing(cwd), ['app/patients.py:6']);
});

test('mounted in the else branch, or outside the switch as well: still served', () => {
  const otherwise = project({
    ...files,
    'app/main.py': main(['from app.patients import patients_router', 'from app.debug_tools import debug_router', 'if settings.DEBUG:', '    app.include_router(patients_router)', 'else:', '    app.include_router(debug_router)']),
  });
  // Here the patients router is the one mounted only in debug mode.
  assert.deepEqual(missing(otherwise), ['app/debug_tools.py:6']);
  const both = project({
    ...files,
    'app/main.py': main(['from app.debug_tools import debug_router', 'if settings.DEBUG:', '    app.include_router(debug_router)', 'app.include_router(debug_router, prefix="/v2")']),
  });
  assert.deepEqual(missing(both), ['app/debug_tools.py:6', 'app/patients.py:6']);
});

test('a negated or production test is not a debug switch: the router under it is served', () => {
  for (const condition of ['if settings.ENV != "debug":', 'if DEBUG == "False":', 'if DEBUG is not True:', 'if os.getenv("DEBUG") != "1":']) {
    const cwd = project({
      ...files,
      'app/main.py': main(['from app.patients import patients_router', 'from app.debug_tools import debug_router', 'app.include_router(patients_router)', condition, '    app.include_router(debug_router)']),
    });
    assert.deepEqual(missing(cwd), ['app/debug_tools.py:6', 'app/patients.py:6'], condition);
  }
});
