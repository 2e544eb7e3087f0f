// What a user who installed the .vsix sees, checked in the real workbench. Scenarios run in this
// order in one window; each opens the file it needs, so a failure in one does not hide the next
// (except that the quick fix follows the squiggle it fixes).

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { waitUntil } from './lib/wait.mjs';

const PY_FILE = 'app/patient_lookup.py';
const PY_CLEAN = 'app/clean_report.py';
const PY_LINE = "logger.info('Patient found: '";
const TSX_FILE = 'web/PatientCard.tsx';
const TSX_CLEAN = 'web/Header.tsx';
const TSX_SOURCE_ACTION_FILE = 'web/VisitSummary.tsx';
const FIX_ALL_SOURCE_ACTION = 'Fix all PHI Guard problems in this file';
const POLICY_FILE = 'policy-broken/phi-guard.json';
const CONTAINER = 'PHI Guard';
const COVERAGE_VIEW = 'Audit Coverage';
const AI_VIEW = 'AI Tools & BAA';
const SCAFFOLD = 'PHI Guard: Scaffold PHI endpoint';
// A leak that happens only in a helper in another, closed file (the workspace index's summaries).
const FLOW_CALLER = 'flows/intake.py';
const FLOW_HELPER = 'flows/util.py';
const FLOW_CALL_LINE = 'record_visit(patient.date_of_birth)';
const FLOW_HELPER_LINE = 11;
const FLOW_HELPER_LOGS = 'logger.info("visit recorded for %s", value)';
const FLOW_HELPER_MASKS = 'logger.info("visit recorded for %s", mask(value))';

/** The status bar item's findings count and audit percentage: "$(shield) $(warning) 5 · 66.7% audited". */
function parseStatus(text) {
  const match = /(\d+)\s*·\s*([\d.]+)% audited/.exec(text);
  return match ? { findings: Number(match[1]), percent: match[2] } : undefined;
}

function stressOptions(spec = '') {
  const [iterations, modes] = spec.split(':');
  return {
    ...(Number(iterations) > 0 ? { iterations: Number(iterations) } : {}),
    ...(modes ? { modes: modes.split(',').map(Number) } : {}),
  };
}

/** Tree rows grouped under their level-1 row: [{ row, children: [rows] }]. */
function groupRows(rows) {
  const groups = [];
  for (const row of rows) {
    if (row.level === 1) groups.push({ row, children: [] });
    else if (row.level === 2 && groups.length) groups.at(-1).children.push(row);
  }
  return groups;
}

function groupStartingWith(groups, label) {
  const group = groups.find((g) => g.row.text.startsWith(label));
  assert.ok(group, `a "${label}" group in ${JSON.stringify(groups.map((g) => g.row.text))}`);
  return group;
}

function childWith(group, text) {
  const child = group.children.find((row) => row.text.includes(text) || row.label.includes(text));
  assert.ok(child, `"${text}" under "${group.row.text}": ${JSON.stringify(group.children.map((c) => c.text))}`);
  return child;
}

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

/**
 * Opens `workspace` in a second window, where the runner extension (inhost-runner/) activates on
 * the marker file, runs `suite` through the VS Code API and writes its result where `results`
 * says. Resolves with that result; `whileOpen` may look at the window before it is closed.
 */
async function runInExtensionHost(ctx, workspace, marker, { timeout, what, whileOpen }) {
  writeFileSync(path.join(workspace, '.phi-guard-inhost-tests'), JSON.stringify(marker));
  const page = await ctx.openWindow(workspace);
  try {
    const result = await waitUntil(() => existsSync(marker.results) && JSON.parse(readFileSync(marker.results, 'utf8')), { timeout, interval: 250, what });
    await whileOpen?.(page);
    return result;
  } finally {
    await page.close().catch(() => {});
  }
}

/**
 * Rewrites one line of `relativePath` through the editor, as a person does (go to the line,
 * select it, type), saves with Ctrl+S and waits until the file on disk has the new line.
 */
async function retypeLineAndSave(wb, ctx, relativePath, lineNumber, text) {
  await wb.openFile(relativePath);
  await wb.openQuickInput(`:${lineNumber}`);
  await wb.page.keyboard.press('Enter');
  await wb.page.keyboard.press('End');
  await wb.page.keyboard.press('Shift+Home'); // to the first non-blank character: the indent stays
  await wb.page.keyboard.type(text);
  await wb.pressEscape(); // a suggestion widget, if one opened
  // Auto-closed brackets and quotes are typed over, so the line must read exactly `text`.
  await waitUntil(async () => (await wb.editorLines()).some((l) => l.trim() === text), {
    timeout: 10_000,
    what: `line ${lineNumber} of ${relativePath} to read ${text}`,
  });
  await wb.page.keyboard.press('Control+s');
  const onDisk = path.join(ctx.workspace, relativePath);
  await waitUntil(() => readFileSync(onDisk, 'utf8').split('\n')[lineNumber - 1].trim() === text, {
    timeout: 15_000,
    what: `${relativePath} saved with line ${lineNumber} = ${text}`,
  });
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
      // On a cold, loaded machine the first Ctrl+. can land before the editor has asked for code
      // actions at the cursor, and the menu never opens: reset the view and the cursor and ask
      // again, alternating the keyboard shortcut with a click on the lightbulb.
      const lightbulb = wb.page.locator('.monaco-editor .codicon-lightbulb, .monaco-editor .codicon-lightbulb-autofix, .monaco-editor .lightBulbWidget').first();
      const offered = () =>
        waitUntil(async () => (await wb.actionMenuLabels()).find((l) => l.includes('Log patient_id instead')), {
          timeout: 10_000,
          what: 'the quick-fix menu to offer "Log patient_id instead"',
        });
      let label;
      for (let attempt = 1; !label; attempt++) {
        try {
          if (attempt % 2 === 1) {
            await wb.page.keyboard.press('Control+Home');
            await wb.lineContaining(PY_LINE).locator('span', { hasText: 'name' }).last().click({ timeout: 10_000 });
            await wb.page.keyboard.press('Control+.');
          } else {
            await lightbulb.click({ timeout: 10_000 });
          }
          label = await offered();
        } catch (error) {
          if (attempt >= 4) throw error;
          await wb.pressEscape(2);
        }
      }
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
    name: 'flows-helper-in-closed-file',
    title: 'A squiggle in the open caller caused by a helper in a closed file; masking the helper clears it, restoring brings it back',
    async run(wb, ctx) {
      await wb.pressEscape(2);
      await wb.openFile(FLOW_CALLER);
      assert.equal(await wb.page.locator('.tab', { hasText: 'util.py' }).count(), 0, 'the helper is not open in any editor');
      const callSquiggle = () =>
        waitUntil(() => wb.squiggleOver(FLOW_CALL_LINE, 'patient.date_of_birth'), {
          timeout: 30_000,
          what: 'a squiggle over `patient.date_of_birth` on the record_visit(...) line',
        });
      await wb.waitForSquiggleCount((n) => n >= 1, `a squiggle in ${FLOW_CALLER} from the closed helper`, diagnosticTimeout());
      await callSquiggle();
      await wb.showProblems();
      const row = await wb.waitForProblem(
        (text) => text.includes('phi-in-log') && text.includes('record_visit') && /\b5\b/.test(text),
        'a phi-guard(phi-in-log) entry at line 5 of intake.py naming record_visit',
      );
      assert.match(row, /util\.py:11/, `the message points at the helper's sink: ${row}`);
      assert.doesNotMatch(row, /date_of_birth\)/, 'the message does not quote the call');
      await wb.closePanel();
      await ctx.screenshot('caller-squiggle');

      // The helper masks its argument: the caller's finding goes, with only the caller open again.
      await retypeLineAndSave(wb, ctx, FLOW_HELPER, FLOW_HELPER_LINE, FLOW_HELPER_MASKS);
      await wb.openFile(FLOW_CALLER);
      await wb.waitForSquiggleCount((n) => n === 0, `the squiggle in ${FLOW_CALLER} to go once the helper masks`, 30_000);
      assert.ok(!(await wb.squiggleOver(FLOW_CALL_LINE, 'patient.date_of_birth')), 'no squiggle on the call line');

      // Restored: the finding comes back.
      await retypeLineAndSave(wb, ctx, FLOW_HELPER, FLOW_HELPER_LINE, FLOW_HELPER_LOGS);
      await wb.openFile(FLOW_CALLER);
      await callSquiggle();
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
    title: 'A broken phi-guard.json gets a phi-guard diagnostic in the Problems panel and a warning in the status bar',
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
      // Defaults apply where the policy is broken, and the status bar says so (a click opens it).
      await wb.waitForStatusBar((text) => /\bpolicy\b/.test(text), 'the status bar item to warn about the broken policy');
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
    name: 'audit-coverage-view',
    title: 'Audit Coverage view: endpoints by file, percentage, click jumps to the missing one; status bar',
    async run(wb, ctx) {
      await wb.closePanel();
      await wb.openViewContainer(CONTAINER);
      // This workspace has no policy: the AI Tools view shows its welcome; give the room to coverage.
      await wb.collapsePane(AI_VIEW);
      await wb.expandPane(COVERAGE_VIEW);
      // Fixture: app/routers/labs.py (one @phi_access endpoint, one without) and api/visits.js
      // (an Express route with phiAccess): 2 of 3 PHI endpoints covered.
      const description = await waitUntil(
        async () => {
          const text = await wb.paneDescription(COVERAGE_VIEW);
          return /66\.7% covered \(2\/3\)/.test(text) ? text : false;
        },
        { timeout: 60_000, what: 'the Audit Coverage view description "66.7% covered (2/3)"' },
      );
      const rows = await wb.waitForTreeRow(COVERAGE_VIEW, (r) => r.text.includes('GET /visits/:id'), 'the Express endpoint row').then(() => wb.treeRows(COVERAGE_VIEW));
      const groups = groupRows(rows);
      const files = groups.map((g) => g.row.text);
      assert.equal(files.length, 2, `two files with endpoints: ${JSON.stringify(files)}`);
      assert.ok(files[0].startsWith('labs.py') && files[1].startsWith('visits.js'), `grouped by file, the one missing an audit first: ${JSON.stringify(files)}`);
      const labs = groupStartingWith(groups, 'labs.py');
      assert.match(labs.row.text, /1\/2 covered/);
      assert.equal(labs.children.length, 2, JSON.stringify(labs.children));
      const covered = childWith(labs, 'GET /api/patients/{pid}get_patient');
      const missing = childWith(labs, 'GET /api/patients/{pid}/labs');
      assert.match(covered.icons, /codicon-pass/, `covered endpoint icon: ${covered.icons}`);
      assert.match(covered.text, /read · demographics · clinician/);
      assert.match(missing.icons, /codicon-error/, `missing endpoint icon: ${missing.icons}`);
      const visits = groupStartingWith(groups, 'visits.js');
      assert.match(visits.row.text, /1\/1 covered/);
      assert.match(childWith(visits, 'GET /visits/:id').icons, /codicon-pass/);
      // The status bar item shows the same coverage.
      const status = await wb.waitForStatusBar((t) => parseStatus(t)?.percent === '66.7', 'the status bar item to show "66.7% audited"');
      assert.ok(parseStatus(status), status);
      await ctx.screenshot('view');
      // Clicking the missing endpoint opens its file at the endpoint (line 18, its decorator).
      await wb.treeRow(COVERAGE_VIEW, 'GET /api/patients/{pid}/labs').click();
      await wb.page.locator('.editor-group-container.active .tab.active', { hasText: 'labs.py' }).waitFor({ state: 'visible', timeout: 15_000 });
      await wb.waitForStatusBar((t) => /Ln 18, Col \d+/.test(t), 'the cursor on line 18 of labs.py (status bar "Ln 18")', 15_000);
      const line = (await wb.editorLines()).find((l) => l.includes('/labs'));
      assert.match(line ?? '', /@router\.get\("\/patients\/\{pid\}\/labs"\)/);
      assert.ok(description);
    },
  },
  {
    name: 'scaffold-endpoint',
    title: 'Scaffold PHI endpoint from the palette (FastAPI, allergy, all operations, clinical) → a file with no findings',
    async run(wb, ctx) {
      await wb.closePanel();
      await wb.openFile(PY_CLEAN); // the command scaffolds into the active editor's workspace folder
      const before = parseStatus(await wb.waitForStatusBar((t) => parseStatus(t), 'the status bar item with findings and coverage'));
      await wb.openQuickInput(`>${SCAFFOLD}`);
      await wb.waitForQuickInputRow(SCAFFOLD);
      await wb.page.keyboard.press('Enter');
      const input = wb.quickInput().locator('input').first();
      // 1/5 framework (QuickPick): type to filter, Enter.
      await wb.waitForQuickInputTitle('(1/5)');
      await input.fill('FastAPI');
      await wb.waitForQuickInputRow('FastAPI');
      await wb.page.keyboard.press('Enter');
      // 2/5 resource (InputBox, "patient" by default).
      await wb.waitForQuickInputTitle('(2/5)');
      await input.fill('allergy');
      await wb.page.keyboard.press('Enter');
      // 3/5 operations (multi-select, all picked by default).
      await wb.waitForQuickInputTitle('(3/5)');
      const picked = await wb.quickInput().locator('.monaco-list-row input[type=checkbox]:checked, .monaco-list-row .monaco-checkbox.checked, .monaco-list-row [aria-checked="true"]').count();
      assert.ok(picked >= 4, `all four operations are picked by default (${picked})`);
      await wb.page.keyboard.press('Enter');
      // 4/5 data category.
      await wb.waitForQuickInputTitle('(4/5)');
      await input.fill('clinical');
      await wb.waitForQuickInputRow('clinical');
      await wb.page.keyboard.press('Enter');
      // 5/5 roles: the policy's defaults for clinical data.
      await wb.waitForQuickInputTitle('(5/5)');
      await wb.waitForQuickInputRow('clinician');
      await ctx.screenshot('roles');
      await wb.page.keyboard.press('Enter');
      // The fixture imports phi_access from app.security.audit but has no implementation: the
      // command offers to scaffold the runtime too.
      await wb.clickDialogButton('Scaffold Runtime');
      await wb.page.locator('.editor-group-container.active .tab.active', { hasText: 'allergies.py' }).waitFor({ state: 'visible', timeout: 30_000 });
      const router = path.join(ctx.workspace, 'app', 'routers', 'allergies.py');
      assert.ok(existsSync(router), `${router} was written`);
      const text = readFileSync(router, 'utf8');
      assert.equal((text.match(/@phi_access\(/g) ?? []).length, 4, 'one audited handler per operation');
      assert.match(text, /data_category="clinical"/);
      assert.ok(existsSync(path.join(ctx.workspace, 'app', 'security', 'audit.py')), 'the phi_access runtime was written');
      assert.match(await wb.editorText(), /phi_access/);
      // Zero findings, proven positively: the server's workspace report now counts the four new
      // endpoints as covered (6/7), with the same number of findings as before.
      const after = parseStatus(
        await wb.waitForStatusBar((t) => parseStatus(t)?.percent === '85.7', 'the status bar coverage to include the scaffolded endpoints (85.7%)', 60_000),
      );
      assert.equal(after.findings, before.findings, `no new finding (${before.findings} before, ${after.findings} after)`);
      await wb.showProblems();
      await wb.waitForProblem((t) => t.includes('phi-guard'), 'the Problems panel to list the other phi-guard findings');
      assert.deepEqual(await wb.phiGuardProblemsIn('allergies.py'), [], 'no phi-guard entry for the scaffolded router');
      assert.deepEqual(await wb.phiGuardProblemsIn('audit.py'), [], 'no phi-guard entry for the scaffolded runtime');
      assert.equal(await wb.squiggles().count(), 0, 'no squiggle in the scaffolded router');
    },
  },
  {
    name: 'ai-tools-welcome-create-policy',
    title: 'AI Tools & BAA without a policy: the welcome view, "Create Policy File" writes phi-guard.json',
    async run(wb, ctx) {
      await wb.closePanel();
      await wb.openViewContainer(CONTAINER);
      await wb.collapsePane(COVERAGE_VIEW);
      await wb.expandPane(AI_VIEW);
      const button = wb.pane(AI_VIEW).locator('.monaco-button', { hasText: 'Create Policy File' }).first();
      await button.waitFor({ state: 'visible', timeout: 30_000 });
      assert.match(await wb.pane(AI_VIEW).locator('.pane-body').textContent(), /No phi-guard\.json policy governs this workspace/);
      await ctx.screenshot('welcome');
      const file = path.join(ctx.workspace, 'phi-guard.json');
      assert.ok(!existsSync(file), 'no policy at the workspace root before');
      await button.click();
      await waitUntil(() => existsSync(file), { timeout: 20_000, what: 'phi-guard.json to be written at the workspace root' });
      await wb.page.locator('.editor-group-container.active .tab.active', { hasText: 'phi-guard.json' }).waitFor({ state: 'visible', timeout: 15_000 });
      assert.match(readFileSync(file, 'utf8'), /"\$schema"/, 'the starter policy references the schema');
      // The view switches from the welcome to the policy's groups.
      await wb.waitForTreeRow(AI_VIEW, (r) => r.text.startsWith('Approved tools'), 'the AI Tools view to list the new policy\'s groups');
      await wb.waitForTreeRow(AI_VIEW, (r) => r.text.startsWith('Vendors'), 'the Vendors group');
    },
  },
  {
    name: 'ai-tools-view',
    title: 'AI Tools & BAA: every group with its status, the prohibited installed extension flagged, one notification, BAA report',
    async run(wb, ctx) {
      // Its own window on a workspace whose root holds the policy (test/e2e/workspace-ai/), so
      // the main workspace keeps its policy-less state. The harness installed a stand-in with
      // Cline's id (fake-ai-extension/), which this policy prohibits.
      const folder = path.join(ctx.tmp, 'workspace-ai');
      cpSync(path.join(ctx.fixtures, 'workspace-ai'), folder, { recursive: true });
      const page = await ctx.openWindow(folder);
      try {
        const ai = new ctx.Workbench(page);
        await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
        await ai.runCommandIfPresent('View: Close Secondary Side Bar');
        await ai.openViewContainer(CONTAINER);
        await ai.collapsePane(COVERAGE_VIEW);
        await ai.expandPane(AI_VIEW);
        await ai.waitForTreeRow(AI_VIEW, (r) => r.level === 1 && r.text.startsWith('Vendors'), 'the Vendors group', 60_000);
        await ai.waitForTreeRow(AI_VIEW, (r) => r.level === 2 && r.text.includes('OpenAI API'), 'the vendor rows');
        const groups = groupRows(await ai.treeRows(AI_VIEW));
        assert.deepEqual(
          groups.map((g) => g.row.text.replace(/\d.*$/, '').trim()),
          ['Approved tools', 'Restricted', 'Prohibited', 'Installed in this editor', 'Vendors'],
        );
        const approved = childWith(groupStartingWith(groups, 'Approved tools'), 'GitHub Copilot Business');
        assert.match(approved.text, /BAA signed, until 2099-12-31 · PHI never/);
        assert.match(approved.icons, /codicon-pass/);
        const restricted = childWith(groupStartingWith(groups, 'Restricted'), 'Internal OpenAI assistant');
        assert.match(restricted.text, /BAA expired on 2025-01-31 · de-identified data only/);
        assert.match(restricted.icons, /codicon-warning/, 'a restricted tool whose vendor BAA expired is flagged');
        const prohibited = childWith(groupStartingWith(groups, 'Prohibited'), 'Cline');
        assert.match(prohibited.text, /BAA none · PHI never/);
        assert.match(prohibited.icons, /codicon-circle-slash/);
        // Shadow AI: the installed stand-in is flagged with a warning.
        const installedGroup = groupStartingWith(groups, 'Installed in this editor');
        assert.match(installedGroup.row.text, /1 flagged/);
        assert.match(installedGroup.row.icons, /codicon-warning/);
        const installed = childWith(installedGroup, 'prohibited by the policy');
        assert.match(installed.label, /^Warning: Cline/, `accessible label: ${installed.label}`);
        assert.match(installed.icons, /codicon-warning/);
        // Vendors: the expired BAA says so, with its date.
        const vendors = groupStartingWith(groups, 'Vendors');
        const expired = childWith(vendors, 'OpenAI API');
        assert.match(expired.text, /BAA expired on 2025-01-31/);
        assert.match(expired.icons, /codicon-error/);
        assert.match(childWith(vendors, 'GitHub').text, /BAA signed, until 2099-12-31/);
        assert.match(childWith(vendors, 'Sentry').text, /BAA pending/);
        // Expand the expired vendor for the screenshot (in a wider side bar): its details spell the date out.
        await ai.widenSidebar(560);
        await ai.treeRow(AI_VIEW, 'OpenAI API').locator('.monaco-tl-twistie').click();
        await ai.waitForTreeRow(AI_VIEW, (r) => /Expires: 2025-01-31 \(expired \d+ days? ago\)/.test(r.text), 'the expired vendor\'s "Expires" detail');
        await page.mouse.move(900, 640);
        await ai.screenshot(ctx.file('view'));
        // One notification for the session, naming the prohibited tool.
        const messages = await waitUntil(
          async () => {
            const all = await ai.notificationCenterMessages();
            const ours = all.filter((m) => m.includes('not approved by your PHI policy'));
            return ours.length ? ours : false;
          },
          { timeout: 20_000, what: 'the shadow-AI notification' },
        );
        assert.equal(messages.length, 1, `exactly one notification: ${JSON.stringify(messages)}`);
        assert.match(messages[0], /Cline \(prohibited\)/);
        await ai.screenshot(ctx.file('notification'));
        await ai.runCommandIfPresent('Notifications: Hide Notifications');
        // Export BAA Report, from the view's title bar.
        await ai.clickViewAction(AI_VIEW, 'Export BAA Report');
        const report = await waitUntil(
          async () => {
            const text = await ai.editorText().catch(() => '');
            return text.includes('AI Tools & BAA') ? text : false;
          },
          { timeout: 20_000, what: 'the BAA report document to open' },
        );
        assert.match(report, /expired on 2025-01-31/);
        await page.mouse.move(900, 640);
        await ai.screenshot(ctx.file('report'));
      } finally {
        await page.close().catch(() => {});
      }
    },
  },
  {
    name: 'compliance-report-browser',
    title: 'phi-guard report on the demo: Chromium renders the coverage chart, the suppression reason and the BAA timeline, loads nothing, prints to PDF',
    async run(wb, ctx) {
      const demo = path.join(ctx.tmp, 'report-demo');
      cpSync(path.join(ctx.root, 'examples', 'demo-clinic'), demo, { recursive: true });
      // A repository of its own, so the report names its commit and who added the suppression.
      const git = (...args) => {
        const r = spawnSync('git', args, {
          cwd: demo,
          encoding: 'utf8',
          env: { ...process.env, GIT_AUTHOR_NAME: 'Demo Clinic Team', GIT_AUTHOR_EMAIL: 'team@demo-clinic.test', GIT_COMMITTER_NAME: 'Demo Clinic Team', GIT_COMMITTER_EMAIL: 'team@demo-clinic.test' },
        });
        assert.equal(r.status, 0, r.stderr);
        return r.stdout.trim();
      };
      git('init', '-q', '-b', 'main');
      git('add', '-A');
      git('commit', '-q', '-m', 'demo clinic');
      const head = git('rev-parse', 'HEAD');
      const file = path.join(demo, 'compliance-report.html');
      const cli = spawnSync(process.execPath, [path.join(ctx.root, 'dist', 'cli.js'), 'report', '--output', file], { cwd: demo, encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      const page = await wb.page.context().newPage();
      try {
        await page.setViewportSize({ width: 1060, height: 900 });
        const requests = [];
        page.on('request', (request) => {
          if (!request.url().startsWith('file:')) requests.push(request.url());
        });
        await page.goto(pathToFileURL(file).href);
        const coverageChart = page.locator('#coverage svg[aria-label^="Audit coverage"]');
        await coverageChart.waitFor({ state: 'visible', timeout: 15_000 });
        const bars = await coverageChart.locator('rect.fill').evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
        assert.equal(bars.length, 3, 'all endpoints, app/, web/');
        assert.ok(bars.every((width) => width > 10), `the bars are drawn: ${bars}`);
        const reason = page.locator('#suppressions td.reason', { hasText: 'records-retention reconciles erasures by MRN' });
        assert.ok(await reason.isVisible(), 'the suppression reason is visible');
        assert.match(await page.locator('#suppressions tbody tr').first().innerText(), new RegExp(`Demo Clinic Team, \\d{4}-\\d\\d-\\d\\d, commit ${head.slice(0, 12)}`));
        assert.equal(await page.locator('#revision').innerText(), `commit ${head} (branch main)`);
        const timeline = page.locator('#vendors svg[aria-label="BAA expiry timeline per vendor"]');
        assert.ok(await timeline.isVisible(), 'the BAA timeline is visible');
        assert.equal(await timeline.locator('circle').count(), 2);
        assert.match(await page.locator('#ai-tools').innerText(), /approved[\s\S]*restricted[\s\S]*prohibited/);
        assert.deepEqual(requests, [], 'the page requested nothing beyond its own file');
        const shot = ctx.file('report');
        await page.screenshot({ path: shot, fullPage: true });
        if (process.env.PHI_GUARD_E2E_UPDATE_DOCS) copyFileSync(shot, path.join(ctx.root, 'docs', 'images', 'compliance-report.png'));
        // Printing: Chromium's own PDF of the page (print CSS applied).
        await page.emulateMedia({ media: 'print' });
        const pdf = await page.pdf({ format: 'A4', printBackground: true });
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        writeFileSync(ctx.artifact('compliance-report.pdf'), pdf);
      } finally {
        await page.close().catch(() => {});
      }
    },
  },
  {
    name: 'compliance-report-command',
    title: 'PHI Guard: Open Compliance Report from the palette shows the report in a themed webview with a strict CSP; Save… writes the page',
    async run(wb, ctx) {
      const folder = path.join(ctx.tmp, 'workspace-report');
      cpSync(path.join(ctx.root, 'examples', 'demo-clinic'), folder, { recursive: true });
      const page = await ctx.openWindow(folder);
      try {
        const win = new ctx.Workbench(page);
        await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
        await win.runCommandIfPresent('View: Close Secondary Side Bar');
        await win.runCommand('PHI Guard: Open Compliance Report', { timeout: 60_000 });
        await page.locator('.tab', { hasText: 'PHI Guard Compliance Report' }).waitFor({ state: 'visible', timeout: 60_000 });
        // The webview's document lives in nested iframes.
        const frame = await waitUntil(
          async () => {
            for (const candidate of page.frames()) {
              const found = await candidate.evaluate(() => Boolean(document.querySelector('#coverage'))).catch(() => false);
              if (found) return candidate;
            }
            return false;
          },
          { timeout: 60_000, what: 'the compliance report in the webview' },
        );
        const facts = await frame.evaluate(() => {
          const probe = document.createElement('div');
          probe.style.background = 'var(--vscode-editor-background)';
          document.body.appendChild(probe);
          const themeBackground = getComputedStyle(probe).backgroundColor;
          probe.remove();
          return {
            csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? '',
            sections: [...document.querySelectorAll('section[id]')].map((s) => s.id),
            revision: document.querySelector('#revision')?.textContent ?? '',
            total: [...document.querySelectorAll('#coverage tr.total td')].map((td) => td.textContent.trim()),
            reason: document.querySelector('#suppressions td.reason')?.textContent ?? '',
            timeline: Boolean(document.querySelector('#vendors svg[aria-label="BAA expiry timeline per vendor"]')),
            bodyBackground: getComputedStyle(document.body).backgroundColor,
            themeBackground,
            save: Boolean(document.querySelector('button#save')),
          };
        });
        assert.match(facts.csp, /^default-src 'none'; style-src 'nonce-[^']+'; script-src 'nonce-[^']+';$/);
        assert.deepEqual(facts.sections, ['overview', 'coverage', 'findings', 'suppressions', 'policy-overrides', 'vendors', 'ai-tools']);
        assert.equal(facts.revision, 'not a git repository');
        // The same numbers as the CLI's coverage of the same folder.
        const cli = spawnSync(process.execPath, [path.join(ctx.root, 'dist', 'cli.js'), 'coverage', '--format', 'json'], { cwd: folder, encoding: 'utf8' });
        const summary = JSON.parse(cli.stdout).summary;
        assert.equal(facts.total.at(-1), `${summary.percent}% (${summary.covered}/${summary.phiEndpoints - summary.suppressed})`);
        assert.match(facts.reason, /records-retention reconciles erasures by MRN/);
        assert.ok(facts.timeline, 'the BAA timeline');
        assert.ok(facts.themeBackground && facts.themeBackground !== 'rgba(0, 0, 0, 0)', `the editor's theme colours reach the webview (${facts.themeBackground})`);
        assert.equal(facts.bodyBackground, facts.themeBackground, 'the page uses the editor background');
        assert.ok(facts.save, 'a Save… button');
        // A toast (the shadow-AI notice of this window) would cover the report in the screenshot.
        for (const close of await page.locator('.notifications-toasts .codicon-notifications-clear').all()) await close.click().catch(() => {});
        await page.mouse.move(900, 640);
        await win.screenshot(ctx.file('webview'));
        // Save…: the dialog proposes the workspace folder; accept it.
        await frame.click('button#save');
        const input = win.quickInput().locator('input');
        await input.waitFor({ state: 'visible', timeout: 20_000 });
        // The simple file dialog fills in the proposed path once it has listed the folder.
        await waitUntil(async () => /workspace-report\/phi-guard-compliance-report-\d{4}-\d\d-\d\d\.html$/.test(await input.inputValue()), {
          timeout: 20_000,
          what: 'the save dialog to propose phi-guard-compliance-report-<date>.html in the workspace folder',
        }).catch(async (error) => {
          await win.screenshot(ctx.file('save-dialog.FAILED'));
          throw new Error(`${error.message}; the input holds ${JSON.stringify(await input.inputValue())}`);
        });
        await win.screenshot(ctx.file('save-dialog'));
        await page.keyboard.press('Enter');
        const saved = await waitUntil(
          () => {
            const name = readdirSync(folder).find((entry) => /^phi-guard-compliance-report-.*\.html$/.test(entry));
            return name ? path.join(folder, name) : false;
          },
          { timeout: 20_000, what: 'the saved report file' },
        );
        const html = await waitUntil(() => {
          const text = readFileSync(saved, 'utf8');
          return text.includes('</html>') ? text : false;
        }, { what: 'the saved report to be complete' });
        assert.match(html, /^<!DOCTYPE html>/);
        assert.doesNotMatch(html, /<script|https?:\/\//, 'the saved page is the self-contained one, without the webview script');
      } finally {
        await page.close().catch(() => {});
      }
    },
  },
  {
    name: 'inhost-api-suite',
    title: 'test/vscode/suite (the @vscode/test-electron mocha suite) passes in the extension host; Fix All 12× under load',
    async run(wb, ctx) {
      // A second window on its own copy of the workspace, running the suite against the installed .vsix.
      const workspace = path.join(ctx.tmp, 'workspace-inhost');
      cpSync(ctx.fixture, workspace, { recursive: true });
      const marker = {
        suite: path.join(ctx.root, 'test', 'vscode', 'suite', 'index.cjs'),
        results: path.join(ctx.tmp, 'inhost-results.json'),
        // Then Fix All in the situations where it used to be flaky (mode 4: a diagnostics pull
        // for the old text in flight when the fix lands); see stress/fixAllStress.cjs.
        after: [{ module: path.join(ctx.fixtures, 'stress', 'fixAllStress.cjs'), options: { iterations: 12, modes: [4, 1, 4, 0] } }],
      };
      const result = await runInExtensionHost(ctx, workspace, marker, {
        timeout: 240_000,
        what: 'the in-host mocha suite to write its result',
        whileOpen: (page) => page.screenshot({ path: ctx.file('window') }),
      });
      writeFileSync(ctx.artifact('inhost-mocha.log'), `VS Code ${result.version}\n${result.output}\n${result.error ?? ''}\n`);
      assert.ok(result.ok, `the in-host suite failed (see test/e2e/artifacts/inhost-mocha.log):\n${result.output.split('\n').slice(-25).join('\n')}`);
      assert.match(result.output, /passing/);
      assert.doesNotMatch(result.output, /failing|pending/);
    },
  },
  {
    name: 'activation-time',
    title: 'PHI Guard activates through the API in a fresh window; its time and a no-op extension\'s are recorded (target ≤ 50 ms)',
    async run(wb, ctx) {
      // A workspace with nothing PHI Guard activates on, so the probe times a real first activation.
      const workspace = path.join(ctx.tmp, 'workspace-activation');
      mkdirSync(workspace, { recursive: true });
      writeFileSync(path.join(workspace, 'README.md'), '# nothing to analyse here\n');
      const marker = { suite: path.join(ctx.fixtures, 'probes', 'activation.cjs'), results: path.join(ctx.tmp, 'activation-results.json') };
      const result = await runInExtensionHost(ctx, workspace, marker, { timeout: 120_000, what: 'the activation probe to write its result' });
      assert.ok(result.ok, `the activation probe failed: ${result.error}`);
      const round = (ms) => Math.round(ms * 10) / 10;
      const activationMs = round(result.stats.activationMs);
      const baselineMs = round(result.stats.baselineMs);
      const noopRightAfterMs = round(result.stats.afterMs);
      // A measurement, not a threshold (docs/architecture.md: benchmarks are not tests); `npm run bench` reports it.
      const measured = { activationMs, baselineMs, noopRightAfterMs, vscode: result.version, date: new Date().toISOString() };
      writeFileSync(ctx.artifact('activation.json'), `${JSON.stringify(measured, null, 2)}\n`);
      console.log(`    activation: ${activationMs} ms; a no-op extension: ${baselineMs} ms before it, ${noopRightAfterMs} ms right after it (VS Code ${result.version})`);
    },
  },
  {
    name: 'open-to-squiggle',
    title: "Open-to-squiggle in fresh windows: PHI Guard's first squiggle on a Python file vs a one-diagnostic extension's, median of 3",
    async run(wb, ctx) {
      // Each window is fresh (its own extension host, so PHI Guard's server starts for it) on its
      // own copy of the workspace. The marker turns on the baseline (squiggle-extension/), which
      // puts one warning on the file as soon as it opens; PHI Guard's finding is an error: the
      // two squiggles are told apart by class, timed in the same window from the same Enter.
      const windows = [];
      for (let i = 0; i < 3; i++) {
        const folder = path.join(ctx.tmp, `workspace-squiggle-${i}`);
        cpSync(ctx.fixture, folder, { recursive: true });
        writeFileSync(path.join(folder, '.open-to-squiggle'), '');
        const page = await ctx.openWindow(folder);
        try {
          const fresh = new ctx.Workbench(page);
          await page.waitForSelector('.explorer-folders-view .monaco-list-row', { timeout: 60_000 });
          await fresh.openQuickInput(PY_FILE);
          await fresh.waitForQuickInputRow(path.basename(PY_FILE), 20_000);
          const editor = fresh.activeEditor();
          const opened = Date.now();
          await page.keyboard.press('Enter');
          const timed = (kind) => editor.locator(`.squiggly-${kind}`).first().waitFor({ state: 'attached', timeout: 90_000 }).then(() => Date.now() - opened);
          const [phiGuardMs, noopMs] = await Promise.all([timed('error'), timed('warning')]);
          windows.push({ phiGuardMs, noopMs, gapMs: phiGuardMs - noopMs });
          console.log(`    window ${i + 1}: PHI Guard ${phiGuardMs} ms, one-diagnostic extension ${noopMs} ms`);
        } finally {
          await page.close().catch(() => {});
        }
      }
      // The windows' servers started through V8's code cache kept in the extension's global
      // storage (written when a server exits): later fresh windows skip compiling the bundle.
      const cacheDir = path.join(ctx.userDataDir, 'User', 'globalStorage', 'phi-guard.phi-guard', 'code-cache');
      await waitUntil(() => existsSync(cacheDir) && readdirSync(cacheDir).some((name) => /^server-.*\.bin$/.test(name)), { timeout: 30_000, what: "the server's code cache in the extension's global storage" });
      const median = (key) => [...windows.map((w) => w[key])].sort((a, b) => a - b)[1];
      // A measurement, not a threshold (benchmarks are not tests); `npm run bench` reports it.
      const measured = { file: PY_FILE, phiGuardMs: median('phiGuardMs'), noopMs: median('noopMs'), gapMs: median('gapMs'), windows, loadAverage: +os.loadavg()[0].toFixed(2), date: new Date().toISOString() };
      writeFileSync(ctx.artifact('open-to-squiggle.json'), `${JSON.stringify(measured, null, 2)}\n`);
      console.log(`    open-to-squiggle (median of 3 fresh windows): PHI Guard ${measured.phiGuardMs} ms, baseline ${measured.noopMs} ms, gap ${measured.gapMs} ms`);
    },
  },
  {
    // Investigation aid for the in-host Fix All (not in the default run): PHI_GUARD_E2E_ONLY=fix-all-stress.
    name: 'fix-all-stress',
    manual: true,
    title: 'Fix All, 30 times on fresh copies of PatientCard.tsx in the extension host',
    async run(wb, ctx) {
      const workspace = path.join(ctx.tmp, 'workspace-stress');
      cpSync(ctx.fixture, workspace, { recursive: true });
      const marker = {
        suite: path.join(ctx.fixtures, 'stress', 'fixAllStress.cjs'),
        results: path.join(ctx.tmp, 'stress-results.json'),
        // PHI_GUARD_E2E_STRESS=30:4 → 30 iterations of mode 4 only (default: 30 of modes 0-4).
        options: stressOptions(process.env.PHI_GUARD_E2E_STRESS),
      };
      const result = await runInExtensionHost(ctx, workspace, marker, { timeout: 170_000, what: 'the stress run to write its result' });
      writeFileSync(ctx.artifact('fix-all-stress.log'), `${result.output}\n${result.error ?? ''}\n`);
      assert.ok(result.ok, `${result.output.split('\n').slice(-12).join('\n')}\n${result.error ?? ''}`);
    },
  },
];
