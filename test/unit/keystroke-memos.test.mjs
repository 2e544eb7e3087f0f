// What the server remembers from one keystroke to the next (endpoint evidence by the module-level
// bindings a handler reaches, the workspace function each call resolves to) must be forgotten
// when what it was computed from changes, even though the edit is outside the function reported
// on: a module-level binding the handler reads, a helper in another file. Each test edits only
// that and expects what a fresh analysis of the new text reports.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';

before(loadEngine);

const ROOT = path.resolve('/project');

/** Replaces the first occurrence of `from` in the document with `to`, as an editor edit. */
function replaceIn(document, from, to) {
  const offset = document.text.indexOf(from);
  assert.ok(offset >= 0, `"${from}" is in the text`);
  const position = (at) => {
    const before = document.text.slice(0, at).split('\n');
    return { line: before.length - 1, character: before[before.length - 1].length };
  };
  document.applyChanges([{ range: { start: position(offset), end: position(offset + from.length) }, text: to }]);
}

function endpointsOf(result) {
  return result.endpoints.map((endpoint) => ({ path: endpoint.path, touchesPhi: endpoint.touchesPhi, categories: endpoint.categories }));
}

describe('endpoint evidence after an edit outside the handler', () => {
  const handler = (source) =>
    'from fastapi import APIRouter, Depends\nfrom models import Patient, Invoice\n\nrouter = APIRouter()\n' +
    `${source}\nUNRELATED = 1\n\n\n@router.get("/items/{item_id}")\ndef read_item(item_id: str, db=Depends(get_db)):\n    return db.query(SOURCE).get(item_id)\n`;

  for (const [name, source, from, to] of [
    ['the module-level binding the handler reads', 'SOURCE = Patient', 'SOURCE = Patient', 'SOURCE = Invoice'],
    ['a module-level binding reached through another', 'BASE = Patient\nSOURCE = BASE', 'BASE = Patient', 'BASE = Invoice'],
  ]) {
    test(`${name}: the endpoint's evidence follows it`, () => {
      const { ParsedDocument, analyze, analyzeDocument, defaultPolicy } = engine();
      const policy = defaultPolicy();
      const document = new ParsedDocument('python', handler(source));
      try {
        const first = endpointsOf(analyzeDocument(document, 'app.py', policy));
        assert.deepEqual(first, [{ path: '/items/{item_id}', touchesPhi: true, categories: ['demographics'] }]);
        // An edit of a binding the handler does not reach leaves the answer as it was.
        replaceIn(document, 'UNRELATED = 1', 'UNRELATED = 2');
        assert.deepEqual(endpointsOf(analyzeDocument(document, 'app.py', policy)), first);
        replaceIn(document, from, to);
        const after = endpointsOf(analyzeDocument(document, 'app.py', policy));
        assert.deepEqual(after, [{ path: '/items/{item_id}', touchesPhi: false, categories: [] }]);
        assert.deepEqual(after, endpointsOf(analyze({ text: document.text, path: 'app.py' }, defaultPolicy())));
        // And back: the earlier answer is right again.
        replaceIn(document, to, from);
        assert.deepEqual(endpointsOf(analyzeDocument(document, 'app.py', policy)), first);
      } finally {
        document.dispose();
      }
    });
  }
});

describe('calls into the workspace after the callee changed', () => {
  const callerPath = path.join(ROOT, 'admit.py');
  const helperPath = path.join(ROOT, 'notes.py');
  const caller = 'from notes import note\n\n\ndef admit(patient):\n    note(patient.date_of_birth)\n';
  const quietHelper = 'def note(value):\n    return None\n';
  const loggingHelper = 'import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef note(value):\n    log.info("noted %s", value)\n';

  test("the caller's finding follows the helper's body (a summary replaced in the index)", () => {
    const { ParsedDocument, WorkspaceIndex, analyzeDocument, defaultPolicy, summarizeFile } = engine();
    const policy = defaultPolicy();
    const index = new WorkspaceIndex(ROOT);
    index.set(summarizeFile({ text: caller, path: callerPath }, policy));
    index.set(summarizeFile({ text: quietHelper, path: helperPath }, policy));
    // The caller's document is analysed again without a change of its own: the same facts, the same calls.
    const document = new ParsedDocument('python', caller);
    const rules = () => analyzeDocument(document, callerPath, policy, { workspace: index }).findings.map((finding) => [finding.ruleId, finding.line]);
    try {
      assert.deepEqual(rules(), []);
      index.set(summarizeFile({ text: loggingHelper, path: helperPath }, policy));
      assert.deepEqual(rules(), [['phi-in-log', 4]]);
      index.set(summarizeFile({ text: quietHelper, path: helperPath }, policy));
      assert.deepEqual(rules(), []);
    } finally {
      document.dispose();
    }
  });

  test("a method's call on self follows the class's new summary (the file's own summary replaced)", () => {
    const { ParsedDocument, WorkspaceIndex, analyzeDocument, defaultPolicy, summarizeFile } = engine();
    const policy = defaultPolicy();
    const text = (body) =>
      'import logging\n\nlog = logging.getLogger(__name__)\n\n\nclass Intake:\n    def admit(self, patient):\n        self.note(patient.date_of_birth)\n\n' +
      `    def note(self, value):\n${body}\n`;
    const servicePath = path.join(ROOT, 'intake.py');
    const index = new WorkspaceIndex(ROOT);
    const document = new ParsedDocument('python', text('        return None'));
    const analyse = () => {
      index.set(summarizeFile({ text: document.text, path: servicePath }, policy));
      return analyzeDocument(document, servicePath, policy, { workspace: index }).findings.map((finding) => [finding.ruleId, finding.line]);
    };
    try {
      assert.deepEqual(analyse(), []);
      replaceIn(document, '        return None', '        log.info("noted %s", value)');
      assert.deepEqual(analyse(), [['phi-in-log', 7]]);
      replaceIn(document, '        log.info("noted %s", value)', '        return None');
      assert.deepEqual(analyse(), []);
    } finally {
      document.dispose();
    }
  });
});

describe("an open document's summary from its own tree", () => {
  const fixtures = path.join(repoRoot, 'test/fixtures/engine');
  const files = readdirSync(fixtures).filter((file) => /\.(py|ts|tsx|js|jsx)$/.test(file));

  test('equals the summary of its text parsed afresh, after edits analysed one by one', () => {
    const { ParsedDocument, analyzeDocument, defaultPolicy, languageFromPath, summarizeDocument, summarizeFile } = engine();
    const policy = defaultPolicy();
    assert.ok(files.length > 10);
    for (const file of files) {
      const filePath = path.join(ROOT, file);
      const document = new ParsedDocument(languageFromPath(file), readFileSync(path.join(fixtures, file), 'utf8'));
      try {
        let state = file.length;
        const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
        for (let step = 0; step < 8; step++) {
          analyzeDocument(document, file, policy);
          const lines = document.text.split('\n');
          const line = Math.floor(random() * lines.length);
          const at = { line, character: Math.floor(random() * (lines[line].length + 1)) };
          // Typing, Enter, and a line removed: statements change, move and merge.
          const edit = step % 3 === 2 && line + 1 < lines.length ? { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' } : { range: { start: at, end: at }, text: step % 3 ? '\n' : 'x' };
          document.applyChanges([edit]);
          assert.deepEqual(summarizeDocument(document, filePath, policy), summarizeFile({ text: document.text, path: filePath }, policy), `${file} after edit ${step + 1}`);
        }
      } finally {
        document.dispose();
      }
    }
  });
});

describe('endpoint evidence after an edit of a function of the file the handler calls', () => {
  test("a patient portal's session helper: the route is self-service while the helper reads the session, and is not once it reads the request", () => {
    const { ParsedDocument, analyze, analyzeDocument, defaultPolicy } = engine();
    const policy = defaultPolicy();
    const file = 'app/api/patient/goals/route.ts';
    const text =
      "import { NextResponse } from 'next/server';\nimport { PortalService } from '@/services/portal';\n\n" +
      'async function ensurePatient(request: Request) {\n  const session = await getSession();\n  const patientId = session.patientId;\n  return { patientId };\n}\n\n' +
      'export async function GET(request: Request) {\n  const auth = await ensurePatient(request);\n  return NextResponse.json(await PortalService.getPatientGoals(auth.patientId));\n}\n';
    const document = new ParsedDocument('typescript', text);
    try {
      const first = endpointsOf(analyzeDocument(document, file, policy));
      assert.deepEqual(first.map((endpoint) => endpoint.touchesPhi), [false]);
      replaceIn(document, 'const patientId = session.patientId;', 'const patientId = new URL(request.url).searchParams.get("patientId");');
      const after = endpointsOf(analyzeDocument(document, file, policy));
      assert.deepEqual(after, endpointsOf(analyze({ text: document.text, path: file }, defaultPolicy())));
      assert.deepEqual(after.map((endpoint) => endpoint.touchesPhi), [true]);
    } finally {
      document.dispose();
    }
  });
});
