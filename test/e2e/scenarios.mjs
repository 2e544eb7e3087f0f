// What a user who installed the .vsix sees, checked in the real workbench. Scenarios run in this
// order in one window; each opens the file it needs, so a failure in one does not hide the next
// (except that the quick fix follows the squiggle it fixes).

import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitUntil } from './lib/wait.mjs';

const PY_FILE = 'app/patient_lookup.py';
const PY_CLEAN = 'app/clean_report.py';
const PY_LINE = "logger.info('Patient found: '";
const TSX_FILE = 'web/PatientCard.tsx';
const TSX_CLEAN = 'web/Header.tsx';
const TSX_SOURCE_ACTION_FILE = 'web/VisitSummary.tsx';
const FIX_ALL_SOURCE_ACTION = 'Fix all PHI Guard problems in this file';
const POLICY_FILE = 'policy-broken/phi-guard.json';

/**
 * The first wait for a diagnostic covers the extension's activation and the server's start; once
 * that wait is over (passed or failed), later scenarios wait less, so a dead server fails fast.
 */
let firstDiagnosticWaitDone = false;
function diagnosticTimeout() {
  const timeout = firstDiagnosticWaitDone ? 30_000 : 90_000;
  firstDiagnosticWaitDone = true;
  return timeout;
}

export const scenarios = [
  {
    name: 'python-squiggle-and-problems',
    title: 'Python: error squiggle on the PHI expression, phi-in-log in the Problems panel',
    async run(wb) {
      await wb.openFile(PY_CLEAN);
      await wb.openFile(PY_FILE);
      await wb.waitForSquiggleCount((n) => n >= 1, `an error squiggle in ${PY_FILE}`, diagnosticTimeout());
      const box = await waitUntil(() => wb.squiggleOver(PY_LINE, 'patient.name'), {
        timeout: 10_000,
        what: 'the squiggle to cover `patient.name` on the logger.info line',
      });
      assert.ok(box.width > 0);
      await wb.showProblems();
      const row = await wb.waitForProblem(
        (text) => text.includes('phi-in-log') && text.includes('phi-guard') && /\b7\b/.test(text),
        'a phi-guard(phi-in-log) entry at line 7 in the Problems panel',
      );
      assert.match(row, /log sink/i, 'the message names the sink');
      assert.doesNotMatch(row, /Patient found: '\s*\+/, 'the message does not quote the source text');
      assert.equal((await wb.phiGuardProblemsIn('patient_lookup.py')).length, 1, 'exactly one finding in the seed file');
      assert.deepEqual(await wb.phiGuardProblemsIn('clean_report.py'), [], 'no findings for the clean Python file');
    },
  },
  {
    name: 'python-hover',
    title: 'Hover on the squiggle explains the rule and the source → sink path',
    async run(wb) {
      await wb.closePanel();
      await wb.openFile(PY_FILE);
      await wb.waitForSquiggleCount((n) => n >= 1, `the squiggle in ${PY_FILE}`, 30_000);
      const text = await waitUntil(
        async () => {
          // Re-point the mouse each poll: a hover can be dismissed by an unrelated re-render.
          const target = await wb.lineContaining(PY_LINE).locator('span', { hasText: 'name' }).last().boundingBox();
          if (!target) return false;
          await wb.page.mouse.move(target.x + 2, target.y + target.height / 2);
          await wb.page.mouse.move(target.x + target.width / 2, target.y + target.height / 2, { steps: 3 });
          const hover = await wb.hoverText();
          return hover.includes('phi-in-log') && hover.includes('→') ? hover : false;
        },
        { timeout: 20_000, interval: 500, what: 'a hover with the rule id and a source → sink path' },
      );
      assert.match(text, /PHI Guard/);
      assert.match(text, /logger\.info/, 'the sink is named');
      assert.match(text, /164\.\d+/, 'the HIPAA reference is shown');
    },
  },
  {
    name: 'python-quick-fix',
    title: 'Ctrl+. → "Log patient_id instead" removes the squiggle and the PHI',
    async run(wb, ctx) {
      await wb.pressEscape(2);
      await wb.openFile(PY_FILE);
      await wb.waitForSquiggleCount((n) => n >= 1, `the squiggle in ${PY_FILE}`, 30_000);
      // Put the cursor inside the finding, as a person clicking on the underlined text does.
      await wb.lineContaining(PY_LINE).locator('span', { hasText: 'name' }).last().click();
      await wb.page.locator('.monaco-editor .codicon-lightbulb, .monaco-editor .codicon-lightbulb-autofix, .monaco-editor .lightBulbWidget')
        .first()
        .waitFor({ state: 'visible', timeout: 15_000 });
      await wb.page.keyboard.press('Control+.');
      const label = await waitUntil(
        async () => (await wb.actionMenuLabels()).find((l) => l.includes('Log patient_id instead')),
        { timeout: 15_000, what: 'the quick-fix menu to offer "Log patient_id instead"' },
      );
      await ctx.screenshot('quick-fix-menu');
      // The README's image (PHI_GUARD_E2E_UPDATE_DOCS=1): the editor with the squiggle, the
      // lightbulb and the menu, cropped to the code.
      const editorBox = await wb.activeEditor().boundingBox();
      await ctx.screenshot('readme', {
        clip: { x: editorBox.x, y: Math.max(0, editorBox.y - 45), width: Math.min(editorBox.width, 820), height: 300 },
      });
      await wb.page.locator('.action-widget .monaco-list-row', { hasText: 'Log patient_id instead' }).first().click();
      await wb.waitForSquiggleCount((n) => n === 0, 'the squiggle to disappear after the fix', 30_000);
      const line = (await wb.editorLines()).find((l) => l.includes('logger.info('));
      assert.ok(line, `the logger.info line is still there (${label})`);
      assert.match(line, /patient_id/, `the fixed line logs patient_id: ${line}`);
      assert.doesNotMatch(line, /patient\.name|patient\.dob/, `the fixed line has no PHI: ${line}`);
      assert.match(line, /Patient found/, `the static message is kept: ${line}`);
    },
  },
  {
    name: 'tsx-fix-all-command',
    title: 'TSX: console.log(patient) squiggle, "PHI Guard: Fix All PHI Issues in File" → clean',
    async run(wb) {
      await wb.openFile(TSX_CLEAN);
      await wb.openFile(TSX_FILE);
      await wb.waitForSquiggleCount((n) => n >= 2, `two error squiggles in ${TSX_FILE}`, diagnosticTimeout());
      await waitUntil(() => wb.squiggleOver('console.log(patient)', 'patient'), {
        timeout: 10_000,
        what: 'a squiggle on `patient` in console.log(patient)',
      });
      await wb.showProblems();
      await waitUntil(async () => (await wb.phiGuardProblemsIn('PatientCard.tsx')).length === 2, {
        what: 'two phi-guard entries for PatientCard.tsx in the Problems panel',
      });
      await wb.runCommand('PHI Guard: Fix All PHI Issues in File');
      await wb.waitForSquiggleCount((n) => n === 0, 'the squiggles to disappear after Fix All', 30_000);
      const text = await wb.editorText();
      assert.doesNotMatch(text, /console\.log\(patient\)/, 'the whole record is no longer logged');
      assert.doesNotMatch(text, /patient\.name/, `no PHI left in the log calls:\n${text}`);
      assert.match(text, /console\.log\(/, 'the log call is kept, not deleted');
      assert.match(text, /patient\.id|patientId/, `the fixed calls log the id:\n${text}`);
      await waitUntil(async () => (await wb.phiGuardProblemsIn('PatientCard.tsx')).length === 0, {
        what: 'no phi-guard entries left for PatientCard.tsx in the Problems panel',
      });
      assert.deepEqual(await wb.phiGuardProblemsIn('Header.tsx'), [], 'no findings for the clean TSX file');
    },
  },
  {
    name: 'tsx-fix-all-source-action',
    title: 'TSX: "Source Action..." → "Fix all PHI Guard problems in this file" → clean',
    async run(wb) {
      await wb.closePanel();
      await wb.openFile(TSX_SOURCE_ACTION_FILE);
      await wb.waitForSquiggleCount((n) => n >= 1, `an error squiggle in ${TSX_SOURCE_ACTION_FILE}`, diagnosticTimeout());
      await waitUntil(() => wb.squiggleOver("console.log('Visit '", 'patient.name'), {
        timeout: 10_000,
        what: 'a squiggle on `patient.name` in the console.log line',
      });
      await wb.runCommand('Source Action...');
      await waitUntil(async () => (await wb.actionMenuLabels()).find((l) => l.includes(FIX_ALL_SOURCE_ACTION)), {
        timeout: 15_000,
        what: `the Source Action menu to offer "${FIX_ALL_SOURCE_ACTION}"`,
      });
      await wb.page.locator('.action-widget .monaco-list-row', { hasText: FIX_ALL_SOURCE_ACTION }).first().click();
      await wb.waitForSquiggleCount((n) => n === 0, 'the squiggle to disappear after the source action', 30_000);
      const line = (await wb.editorLines()).find((l) => l.includes('console.log('));
      assert.ok(line, 'the console.log call is kept');
      assert.doesNotMatch(line, /patient\.(name|dob)/, `no PHI left: ${line}`);
      assert.match(line, /patient\.id|patientId/, `the id is logged instead: ${line}`);
    },
  },
  {
    name: 'policy-diagnostic',
    title: 'A broken phi-guard.json gets a phi-guard diagnostic in the Problems panel',
    async run(wb) {
      await wb.openFile(POLICY_FILE);
      await wb.showProblems();
      // The built-in JSON extension also reports the missing comma; only phi-guard's entry counts.
      const row = await wb.waitForProblem(
        (text) => text.includes('phi-guard') && text.includes('invalid-json'),
        'a phi-guard(invalid-json) entry for the policy file in the Problems panel',
        diagnosticTimeout(),
      );
      assert.match(row, /comma/i, `the message says what is wrong: ${row}`);
    },
  },
  {
    name: 'commands',
    title: 'The command palette lists the PHI Guard commands; Show Output opens the channel',
    async run(wb, ctx) {
      await wb.closePanel();
      // Fix All is listed only for an analysed language, so ask from a Python editor.
      await wb.openFile(PY_CLEAN);
      await wb.openQuickInput('>PHI Guard: ');
      await wb.waitForQuickInputRow('PHI Guard: Restart Server');
      await wb.waitForQuickInputRow('PHI Guard: Show Output');
      await wb.waitForQuickInputRow('PHI Guard: Fix All PHI Issues in File');
      await wb.screenshot(ctx.file('palette'));
      await wb.pressEscape();
      await wb.runCommand('PHI Guard: Show Output');
      // The Output panel, switched to the extension's log channel.
      await waitUntil(
        async () => {
          const panelVisible = await wb.page.locator('.panel .output-view, .panel [id="workbench.panel.output"]').first().isVisible().catch(() => false);
          if (!panelVisible) return false;
          const channel = await wb.page
            .locator('.panel select, .panel .monaco-select-box, .panel .action-item .select-container, .panel .output-view-title')
            .evaluateAll((els) => els.map((el) => (el.value ?? '') + ' ' + (el.textContent ?? '') + ' ' + (el.getAttribute('title') ?? '')).join(' | '));
          return /PHI Guard/.test(channel);
        },
        { timeout: 15_000, what: 'the Output panel to show the PHI Guard channel' },
      );
      // Restart Server: the channel logs a second start.
      const outputText = () =>
        wb.page.locator('.panel .monaco-editor .view-lines').first().evaluate((el) => (el.textContent || '').replace(/\u00a0/g, ' '));
      const starts = async () => ((await outputText()).match(/server started/gi) ?? []).length;
      const before = await waitUntil(starts, { timeout: 15_000, what: 'the channel to log the server start' });
      await wb.runCommand('PHI Guard: Restart Server');
      await waitUntil(async () => (await starts()) > before, { timeout: 30_000, what: 'the channel to log a restart of the server' });
    },
  },
  {
    name: 'inhost-api-suite',
    title: 'test/vscode/suite (the @vscode/test-electron mocha suite) passes in the extension host',
    async run(wb, ctx) {
      // A second window on its own copy of the workspace: the runner extension (inhost-runner/)
      // activates on the marker file, runs the suite through the VS Code API against the
      // installed .vsix and writes the result where the marker says.
      const workspace = path.join(ctx.tmp, 'workspace-inhost');
      const results = path.join(ctx.tmp, 'inhost-results.json');
      cpSync(ctx.fixture, workspace, { recursive: true });
      writeFileSync(
        path.join(workspace, '.phi-guard-inhost-tests'),
        JSON.stringify({ suite: path.join(ctx.root, 'test', 'vscode', 'suite', 'index.cjs'), results }),
      );
      const page = await ctx.openWindow(workspace);
      try {
        const result = await waitUntil(() => existsSync(results) && JSON.parse(readFileSync(results, 'utf8')), {
          timeout: 240_000,
          interval: 500,
          what: 'the in-host mocha suite to write its result',
        });
        writeFileSync(ctx.artifact('inhost-mocha.log'), `VS Code ${result.version}\n${result.output}\n${result.error ?? ''}\n`);
        await page.screenshot({ path: ctx.file('window') });
        assert.ok(result.ok, `the in-host suite failed (see test/e2e/artifacts/inhost-mocha.log):\n${result.output.split('\n').slice(-25).join('\n')}`);
        assert.match(result.output, /passing/);
        assert.doesNotMatch(result.output, /failing|pending/);
      } finally {
        await page.close().catch(() => {});
      }
    },
  },
];
