// A Flask blueprint no module of the workspace registers serves no route: its routes are not
// reported (docs/rules/missing-phi-access.md, "Blueprints nothing registers"). Told only when the
// workspace registers its blueprints by name; a registration by a computed name keeps every route.

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('flask-unregistered-blueprints', files);
const missing = (cwd) => findingLines(cwd, 'missing-phi-access');

const blueprint = (name, route) =>
  [
    'from flask import Blueprint, jsonify',
    'from clinic.db import db',
    '',
    `${name} = Blueprint("${name}", __name__, url_prefix="/api/${route}")`,
    '',
    `@${name}.route("/<patient_id>")`,
    `def get_${route}(patient_id):`,
    '    patient = db.get_patient(patient_id)',
    '    return jsonify(name=patient["name"], diagnosis=patient["diagnosis"])',
    '',
  ].join('\n');

const app = (registrations) =>
  ['from flask import Flask', ...registrations.imports, '', 'app = Flask(__name__)', ...registrations.calls, ''].join('\n');

const files = {
  'clinic/patients.py': blueprint('patients_bp', 'patients'),
  'clinic/disaster.py': blueprint('disaster_bp', 'disaster'),
};

test('a blueprint no module registers serves no route; the registered one is reported', () => {
  const cwd = project({ ...files, 'clinic/app.py': app({ imports: ['from clinic.patients import patients_bp'], calls: ['app.register_blueprint(patients_bp)'] }) });
  assert.deepEqual(missing(cwd), ['clinic/patients.py:6']);
});

test('a blueprint registered under an alias or by its module is registered', () => {
  const cwd = project({
    ...files,
    'clinic/app.py': app({
      imports: ['from clinic.patients import patients_bp as patients', 'from clinic import disaster'],
      calls: ['app.register_blueprint(patients, url_prefix="/v1")', 'app.register_blueprint(disaster.disaster_bp)'],
    }),
  });
  assert.deepEqual(missing(cwd), ['clinic/disaster.py:6', 'clinic/patients.py:6']);
});

test('a registration by a computed name, or none in sight: every blueprint keeps its routes', () => {
  const looped = project({
    ...files,
    'clinic/app.py': app({ imports: ['from clinic.blueprints import BLUEPRINTS'], calls: ['for bp in BLUEPRINTS:', '    app.register_blueprint(bp)'] }),
  });
  assert.deepEqual(missing(looped), ['clinic/disaster.py:6', 'clinic/patients.py:6']);
  const helper = project({
    ...files,
    'clinic/app.py': app({ imports: ['from clinic.patients import patients_bp'], calls: ['def register(app, bp):', '    app.register_blueprint(bp)', 'register(app, patients_bp)'] }),
  });
  assert.deepEqual(missing(helper), ['clinic/disaster.py:6', 'clinic/patients.py:6']);
  const unseen = project({ ...files, 'clinic/app.py': app({ imports: [], calls: [] }) });
  assert.deepEqual(missing(unseen), ['clinic/disaster.py:6', 'clinic/patients.py:6']);
});

test('a blueprint its package re-exports under another name is registered under that name', () => {
  const cwd = project({
    'clinic/overview/__init__.py': 'from .views import blueprint as overview\n',
    'clinic/overview/views.py': blueprint('blueprint', 'overview'),
    'clinic/app.py': app({ imports: ['from clinic import overview'], calls: ['app.register_blueprint(overview.overview)'] }),
  });
  assert.deepEqual(missing(cwd), ['clinic/overview/views.py:6']);
});
