// One fuzz case: generate the input from its seed, run it through the engine, and check the
// engine's promises (docs/architecture.md, "Robust by construction"; issue 9):
//   - analyze never throws and returns within the per-file time bound;
//   - no rule fails on it (result.ruleFailures is empty: a rule that throws is a bug);
//   - finding ranges are positions inside the text;
//   - every fix parses at least as well as the input (countSyntaxErrors(after) <= before);
//   - the incremental reparse (the server's path) gives the same findings as a fresh parse;
//   - a policy document never makes validatePolicyText, the analysis or the AI-tools model throw.

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadClientModule } from '../../support/client-module.mjs';
import { SOURCE_GENERATORS, deepNesting, longLine } from './mutators.mjs';
import { randomPolicyText } from './policy-gen.mjs';
import { Random, caseSeed } from './random.mjs';

export const CATEGORY_WEIGHTS = [
  [2, 'random-bytes'],
  [2, 'token-soup'],
  [5, 'subtree'],
  [3, 'unclosed'],
  [1, 'deep-nesting'],
  [1, 'long-line'],
  [3, 'encoding'],
  [3, 'incremental'],
  [3, 'policy'],
];
export const CATEGORIES = CATEGORY_WEIGHTS.map(([, name]) => name);

/** Per-file time bound: 2 s up to 200 KB, then proportionally more (the engine skips > 1 MB). */
export function timeBoundMs(textLength, factor = 1) {
  const kb = textLength / 1024;
  return factor * (kb <= 200 ? 2000 : 2000 + (kb - 200) * 10);
}

/**
 * The fixed cases every run starts with (the spec's named extremes), then random ones.
 * Returns a descriptor the worker turns into an input: { index, seed, category, fixed? }.
 */
export const FIXED_CASES = [
  { category: 'long-line', fixed: 'fifty-megabyte-line' },
  { category: 'long-line', fixed: 'fifty-megabyte-line-no-limit' },
  ...['parens', 'calls', 'lists', 'objects', 'binary', 'unbalanced', 'template', 'blocks', 'attributes', 'lambda', 'jsx'].flatMap((shape) =>
    ['python', 'typescript'].map((languageId) => ({ category: 'deep-nesting', fixed: `${shape}:${languageId}` })),
  ),
  { category: 'encoding', fixed: 'empty' },
  { category: 'encoding', fixed: 'bom-only' },
  { category: 'encoding', fixed: 'crlf-only' },
  { category: 'encoding', fixed: 'lone-surrogates' },
];

export function describeCase(runSeed, index, fixedCount = FIXED_CASES.length) {
  const seed = caseSeed(runSeed, index);
  if (index < fixedCount) return { index, seed, ...FIXED_CASES[index] };
  const random = new Random(seed);
  return { index, seed, category: random.weighted(CATEGORY_WEIGHTS) };
}

/** Builds the input of a case. Deterministic in (descriptor.seed, category, fixed). */
export function generateInput(descriptor, engine, options = {}) {
  const random = new Random(descriptor.seed);
  if (descriptor.fixed) return fixedInput(descriptor.fixed, random);
  // Consume the category draw so the generator's stream is the same as in describeCase.
  random.weighted(CATEGORY_WEIGHTS);
  if (descriptor.category === 'policy') {
    const policy = randomPolicyText(random);
    const generator = random.pick(['subtree', 'unclosed', 'encoding', 'token-soup']);
    const source = random.bool(0.5) ? SOURCE_GENERATORS[generator](random, engine) : SOURCE_GENERATORS.subtree(random, engine);
    return { ...source, policyText: policy.text, note: `policy: ${policy.note}; source: ${source.note}` };
  }
  if (descriptor.category === 'long-line') return longLine(random, engine, { allowHuge: options.allowHuge ?? true });
  return SOURCE_GENERATORS[descriptor.category](random, engine);
}

function fixedInput(name, random) {
  if (name.startsWith('fifty-megabyte-line')) {
    const text = `x = "${'a'.repeat(50 * 1024 * 1024)}"; logger.info("x %s", patient.ssn)`;
    const options = name.endsWith('no-limit') ? { maxFileSizeKb: 64 * 1024 } : undefined;
    return { languageId: 'python', path: 'fuzz/huge.py', text, options, note: `50 MB single line${options ? ', limit raised to 64 MB' : ''}` };
  }
  if (name.includes(':')) {
    const [shape, languageId] = name.split(':');
    // deepNesting draws the depth, language and shape at random: pin them for the fixed cases.
    const pinned = { int: () => 10_000, pick: (items) => (items.includes(shape) ? shape : items.includes(languageId) ? languageId : items[0]), weighted: () => 10_000 };
    return { ...deepNesting(Object.assign(Object.create(random), pinned)), languageId, path: `fuzz/deep.${languageId === 'python' ? 'py' : 'ts'}` };
  }
  const texts = {
    empty: '',
    'bom-only': '\ufeff',
    'crlf-only': '\r\n\r\n\r',
    'lone-surrogates': 'logger.info("\ud800 %s", patient.ssn)\n\udfff = 1\n',
  };
  return { languageId: 'python', path: 'fuzz/edge.py', text: texts[name], note: name };
}

let policyDir;
/** A folder with files a random policy may `extends`: one valid, one broken, one that cycles. */
function policyFolder() {
  if (policyDir) return policyDir;
  policyDir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-fuzz-policy-'));
  mkdirSync(path.join(policyDir, 'security'), { recursive: true });
  writeFileSync(path.join(policyDir, 'base.json'), '{ "rules": { "phi-in-log": "warning" }, "phi": { "recordNames": ["member"] } }');
  writeFileSync(path.join(policyDir, 'broken.json'), '{ "rules": { "phi-in-log": 5 ');
  writeFileSync(path.join(policyDir, 'security', 'org-policy.json'), '{ "extends": "../phi-guard.json" }');
  return policyDir;
}

/**
 * Runs the checks; returns { problems: [{kind, detail}], analyses, ms, textLength }. With
 * `collectPython`, also `python: { input, fixed: [{ title, text }] }` for a Python input that parses:
 * the runner has python3 check that every fix of it parses as Python 3.8 (in one batch).
 */
export function checkInput(input, engine, { timeFactor = 1, maxFixes = 40, collectPython = false } = {}) {
  const problems = [];
  /** Observations that are not failures (counted in the summary). */
  const notes = [];
  let analyses = 0;
  let slowest = 0;
  let policy = engine.defaultPolicy();

  if (input.policyText !== undefined) {
    const file = path.join(policyFolder(), 'phi-guard.json');
    try {
      const loaded = engine.validatePolicyText(input.policyText, file);
      policy = loaded.policy;
      if (!Array.isArray(loaded.diagnostics)) problems.push({ kind: 'policy-shape', detail: 'diagnostics is not an array' });
      for (const diagnostic of loaded.diagnostics) {
        if (!diagnostic.range || typeof diagnostic.message !== 'string') problems.push({ kind: 'policy-shape', detail: `diagnostic ${diagnostic.code} has no range/message` });
      }
    } catch (error) {
      problems.push({ kind: 'policy-throw', detail: describe(error) });
      return { problems, analyses, ms: 0 };
    }
    try {
      engine.isIgnoredByPolicy(policy, path.join(policyFolder(), input.path));
      const model = engine.buildAiToolsModel({ policy, policyFile: path.join(policyFolder(), 'phi-guard.json'), policyErrors: 0, today: new Date(Date.UTC(2026, 0, 15)) });
      // The AI Tools view's rows are the client's (client/src/views/aiToolsTree.ts).
      loadClientModule('client/src/views/aiToolsTree.ts').buildAiToolsTree(model);
      engine.aiToolsMarkdown(model);
    } catch (error) {
      problems.push({ kind: 'policy-consumer-throw', detail: describe(error) });
    }
  }

  const run = (text, label) => {
    const started = performance.now();
    let result;
    try {
      result = engine.analyze({ text, path: input.path, languageId: input.languageId }, policy, input.options);
    } catch (error) {
      problems.push({ kind: 'throw', detail: `${label}: ${describe(error)}` });
      return undefined;
    } finally {
      analyses++;
    }
    const ms = performance.now() - started;
    slowest = Math.max(slowest, ms);
    const bound = timeBoundMs(text.length, timeFactor);
    if (ms > bound) problems.push({ kind: 'slow', detail: `${label}: ${ms.toFixed(0)} ms > ${bound.toFixed(0)} ms for ${text.length} chars` });
    for (const failure of result.ruleFailures) problems.push({ kind: 'rule-failure', detail: `${label}: ${failure.ruleId}: ${failure.error}` });
    checkRanges(text, result, label, problems);
    return result;
  };

  const result = run(input.text, 'input');
  const python = collectPython && input.languageId === 'python' && input.text.length <= PYTHON_CHECK_MAX_CHARS ? { input: input.text, fixed: [] } : undefined;
  if (result && !result.skipped) checkFixes(input, result, engine, problems, notes, maxFixes, python?.fixed);

  if (input.batches) checkIncremental(input, policy, engine, problems);

  return { problems, notes, analyses, ms: slowest, ...(python?.fixed.length ? { python } : {}) };
}

function checkRanges(text, result, label, problems) {
  const lines = text.split(/\r\n|\r|\n/);
  const valid = (position) =>
    Number.isInteger(position?.line) && Number.isInteger(position?.character) && position.line >= 0 && position.character >= 0 &&
    position.line < lines.length && position.character <= lines[position.line].length;
  for (const finding of result.findings) {
    const { start, end } = finding.range;
    if (!valid(start) || !valid(end) || start.line > end.line || (start.line === end.line && start.character > end.character)) {
      problems.push({ kind: 'bad-range', detail: `${label}: ${finding.ruleId} range ${JSON.stringify(finding.range)}` });
    }
    // An edit may start or end at the start of the line after the last one (deleting or adding a
    // final line when the text has no final line break): clients clamp it to the end of the text.
    // Whether the result still parses is checked with the fixes.
    const validEdge = (position) => valid(position) || (position?.line === lines.length && position.character === 0);
    for (const fix of finding.fixes) {
      for (const edit of fix.edits) {
        if (!validEdge(edit.range.start) || !validEdge(edit.range.end)) {
          problems.push({ kind: 'bad-range', detail: `${label}: ${finding.ruleId} fix "${fix.title}" edit range ${JSON.stringify(edit.range)}` });
        }
      }
    }
  }
}

/** Larger Python inputs are not sent to python3 (the 50 MB line cases). */
const PYTHON_CHECK_MAX_CHARS = 200_000;

function checkFixes(input, result, engine, problems, notes, maxFixes, pythonFixed) {
  let before;
  let checked = 0;
  const seen = new Set();
  for (const finding of [...result.findings, ...result.suppressed]) {
    for (const fix of finding.fixes) {
      if (checked >= maxFixes) return;
      const key = JSON.stringify(fix.edits);
      if (seen.has(key)) continue;
      seen.add(key);
      checked++;
      try {
        before ??= engine.countSyntaxErrors(input.text, input.languageId);
        const fixedText = engine.applyTextEdits(input.text, fix.edits);
        const after = engine.countSyntaxErrors(fixedText, input.languageId);
        if (pythonFixed && before === 0) pythonFixed.push({ title: `${finding.ruleId} fix "${fix.title}"`, text: fixedText });
        if (after > before) {
          // On text that parses, a fix that adds a syntax error is a bug. On text that is already
          // broken, tree-sitter's error recovery shifts with any edit (even a comment line above
          // the statement), so the raw count is noise: the front ends re-check such fixes before
          // offering or applying them (fixParsesAsWell), and the fuzzer only counts them.
          const kind = before === 0 ? 'fix-breaks-syntax' : 'fix-worse-on-broken-input';
          (before === 0 ? problems : notes).push({ kind, detail: `${finding.ruleId} fix "${fix.title}" (${fix.kind}): ${before} -> ${after} syntax errors` });
        }
      } catch (error) {
        problems.push({ kind: 'fix-check-throw', detail: `${finding.ruleId} fix "${fix.title}": ${describe(error)}` });
      }
    }
  }
}

/** Applies the edit batches through ParsedDocument.applyChanges, as the server does. */
function checkIncremental(input, policy, engine, problems) {
  let reference = TextDocument.create('file:///fuzz', input.languageId, 1, input.text);
  let document;
  try {
    document = new engine.ParsedDocument(input.languageId, input.text);
    // Analysed before each batch, as the server analyses each version: the facts of unchanged
    // statements are then reused (adapters/chunks.ts), and the final check covers that reuse.
    engine.analyzeDocument(document, input.path, policy, input.options);
    let version = 1;
    for (const batch of input.batches) {
      // As the server's document store does: each range clamped into the text it applies to
      // (positions past the last line confuse vscode-languageserver-textdocument's line offsets).
      const clamped = [];
      version++;
      for (const change of batch) {
        const current = reference;
        const clamp = (position) => current.positionAt(current.offsetAt(position));
        const safe = { ...change, range: { start: clamp(change.range.start), end: clamp(change.range.end) } };
        reference = TextDocument.update(reference, [safe], version);
        clamped.push(safe);
      }
      // The engine gets the raw positions half of the time: its own clamping must agree.
      document.applyChanges(version % 2 ? batch : clamped);
      if (document.text !== reference.getText()) break;
      engine.analyzeDocument(document, input.path, policy, input.options);
    }
    const expected = reference.getText();
    if (document.text !== expected) {
      // The server then falls back to a full reparse (documentStore.ts), so this costs time, not
      // correctness; still worth knowing.
      problems.push({ kind: 'incremental-text', detail: `incremental text differs from the LSP text (${document.text.length} vs ${expected.length} chars)` });
      return;
    }
    const incremental = engine.analyzeDocument(document, input.path, policy, input.options);
    for (const failure of incremental.ruleFailures) problems.push({ kind: 'rule-failure', detail: `incremental: ${failure.ruleId}: ${failure.error}` });
    const fresh = engine.analyze({ text: expected, path: input.path, languageId: input.languageId }, policy, input.options);
    // Error recovery may differ between an incremental and a fresh parse of broken text; on text
    // that parses cleanly the two trees, and so the findings, must be the same.
    if (!fresh.hasSyntaxErrors && !fresh.skipped) {
      const key = (r) => r.findings.map((f) => `${f.ruleId}@${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`).join(' ');
      if (key(incremental) !== key(fresh)) {
        problems.push({ kind: 'incremental-mismatch', detail: `incremental [${key(incremental)}] vs fresh [${key(fresh)}]` });
      } else if (JSON.stringify(incremental.findings) !== JSON.stringify(fresh.findings)) {
        // Same places, different messages or fixes: reused facts that should have moved or changed.
        problems.push({ kind: 'incremental-mismatch', detail: `incremental and fresh findings differ in messages or fixes at [${key(fresh)}]` });
      }
    }
  } catch (error) {
    problems.push({ kind: 'throw', detail: `incremental: ${describe(error)}` });
  } finally {
    document?.dispose();
  }
}

function describe(error) {
  if (!(error instanceof Error)) return String(error);
  const frames = (error.stack ?? '').split('\n').slice(1, 4).map((line) => line.trim()).join(' < ');
  return `${error.name}: ${error.message.slice(0, 200)} ${frames}`;
}
