// A Flask route whose handler first runs an access check that refuses others (`abort(403)`, here
// in a helper of another module), in an app whose `before_request` hook logs who asked for which
// path, is controlled (docs/rules/missing-phi-access.md, "Access checks behind an app-wide activity log").

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findingLines, tempProject } from './run-cli.mjs';

const project = (files) => tempProject('flask-activity-hooks', files);
const missing = (cwd) => findingLines(cwd, 'missing-phi-access');

const app = (hook) =>
  [
    'import logging',
    'from flask import Flask, request',
    'from flask_login import current_user',
    'LOG = logging.getLogger(__name__)',
    '',
    'def create_app():',
    '    app = Flask(__name__)',
    ...hook,
    '    return app',
    '',
  ].join('\n');

const activityHook = ['    @app.before_request', '    def log_users_activity():', '        user = current_user.email if current_user.is_authenticated else "anonymous"', '        LOG.info(" - ".join([user, request.path]))'];
const otherHook = ['    @app.before_request', '    def open_db():', '        LOG.info("request started")'];

const files = {
  'clinic/server/utils.py': [
    'from flask import abort',
    'from flask_login import current_user',
    '',
    'def institute_and_case(store, institute_id, case_name):',
    '    case = store.case(institute_id, case_name)',
    '    if institute_id not in current_user.institutes:',
    '        return abort(403)',
    '    return case',
    '',
  ].join('\n'),
  'clinic/server/blueprints/cases/views.py': [
    'from flask import Blueprint, jsonify',
    'from clinic.server.extensions import store',
    'from clinic.server.utils import institute_and_case',
    '',
    'cases_bp = Blueprint("cases", __name__)',
    '',
    '@cases_bp.route("/<institute_id>/<case_name>/diagnosis")',
    'def case_diagnosis(institute_id, case_name):',
    '    case = institute_and_case(store, institute_id, case_name)',
    '    return jsonify(diagnosis=case["diagnosis"], patient_name=case["patient_name"])',
    '',
    '@cases_bp.route("/evaluations/<evaluation_id>", methods=["POST"])',
    'def evaluation(evaluation_id):',
    '    evaluation = store.get_evaluation(evaluation_id)',
    '    store.delete_evaluation(evaluation)',
    '    case = institute_and_case(store, evaluation["institute"], evaluation["case"])',
    '    return jsonify(diagnosis=case["diagnosis"])',
    '',
    '@cases_bp.route("/<institute_id>/<case_name>/notes")',
    'def case_notes(institute_id, case_name):',
    '    case = store.case(institute_id, case_name)',
    '    return jsonify(diagnosis=case["diagnosis"], patient_name=case["patient_name"])',
    '',
  ].join('\n'),
};

test('an access check that aborts 403, run first, behind an app-wide activity-log hook: the route is controlled', () => {
  const cwd = project({ ...files, 'clinic/server/app.py': app(activityHook) });
  // The route that deletes before it checks, and the one that never checks, stay reported.
  assert.deepEqual(missing(cwd), ['clinic/server/blueprints/cases/views.py:12', 'clinic/server/blueprints/cases/views.py:19']);
});

test('without a hook that records who asked for which path, the access check alone does not count', () => {
  const cwd = project({ ...files, 'clinic/server/app.py': app(otherHook) });
  assert.deepEqual(missing(cwd), ['clinic/server/blueprints/cases/views.py:12', 'clinic/server/blueprints/cases/views.py:19', 'clinic/server/blueprints/cases/views.py:7']);
});
