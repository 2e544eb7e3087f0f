// Keystroke reuse must be keyed by everything a finding depends on. The analyses of a document
// reuse work from its earlier versions (statements' facts, endpoint evidence, call targets, and
// whatever is remembered per function); this test edits the rule fixtures and the product
// contract's examples statement by statement (a line in the body of a function, a module-level
// binding, an import, a class attribute: each deleted, renamed and restored) and, after every
// edit, compares the analysis of the edited document with a fresh analysis of its text. A memo
// keyed too loosely (an input left out of its key) reports what the previous version did and
// fails here; incremental.test.mjs makes random keystrokes instead.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import { engine, loadEngine, repoRoot } from '../support/engine.mjs';
import { assertSpecExamplesPresent, SPEC_EXAMPLES, specExamplesPresent } from '../support/spec-examples.mjs';

before(loadEngine);

const SOURCE = /\.(py|ts|tsx|js|jsx)$/;
/** Statements of each kind edited per file: enough to reach every kind, bounded for a large fixture. */
const PER_KIND = 6;

function sourcesUnder(dir) {
  const found = [];
  for (const entry of readdirSync(dir).sort()) {
    const full = path.join(dir, entry);
    if (statSync(full).isDirectory()) found.push(...sourcesUnder(full));
    else if (SOURCE.test(entry)) found.push(full);
  }
  return found;
}

// The rule fixtures, the contract's examples, and files made of what a function's findings
// depend on outside it (module-level bindings reached, containers filled elsewhere, imports).
const sources = [
  ...sourcesUnder(path.join(repoRoot, 'test/fixtures/statement-edits')),
  ...sourcesUnder(path.join(repoRoot, 'test/rules')),
  ...(specExamplesPresent() ? sourcesUnder(SPEC_EXAMPLES) : []),
];

/**
 * The lines to edit, by kind, from the file's facts: a line strictly inside a function (its
 * body), a module-level binding, an import, a binding in a class's own scope (an attribute).
 */
function targetLines(facts) {
  const lines = { body: new Set(), module: new Set(), import: new Set(), attribute: new Set() };
  for (const scope of facts.scopes) {
    if (scope.kind !== 'function') continue;
    const { start, end } = scope.range;
    if (end.line - start.line >= 2) lines.body.add(start.line + 1 + ((end.line - start.line) >> 1) - 1);
  }
  for (const binding of facts.bindings) {
    const scope = facts.scopes[binding.scopeId];
    if (binding.scopeId === 0) lines.module.add(binding.range.start.line);
    else if (scope?.kind === 'class' && !/^(self|this)\./.test(binding.name)) lines.attribute.add(binding.range.start.line);
  }
  for (const imported of facts.imports) lines.import.add(imported.range.start.line);
  return Object.entries(lines).flatMap(([kind, set]) => [...set].sort((a, b) => a - b).slice(0, PER_KIND).map((line) => ({ kind, line })));
}

/** Delete the line, restore it; rename its first identifier, restore it. */
function* editsAt(lines, line) {
  const original = lines[line];
  if (original === undefined) return;
  yield { what: 'deleted', edit: { range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, text: '' } };
  yield { what: 'restored', edit: { range: { start: { line, character: 0 }, end: { line, character: 0 } }, text: `${original}\n` } };
  const identifier = /[A-Za-z_$][\w$]*/.exec(original);
  if (!identifier) return;
  const at = { line, character: identifier.index + identifier[0].length };
  yield { what: 'renamed', edit: { range: { start: at, end: at }, text: 'Edited' } };
  yield { what: 'rename undone', edit: { range: { start: at, end: { line, character: at.character + 'Edited'.length } }, text: '' } };
}

/** What a user sees of a result (the suppressions' parsed comments included). */
function visible(result) {
  return JSON.parse(JSON.stringify({ findings: result.findings, suppressed: result.suppressed, suppressions: result.suppressions, endpoints: result.endpoints, routes: result.routes, hasSyntaxErrors: result.hasSyntaxErrors }));
}

describe('statement-by-statement edits: each analysis equals a fresh one', () => {
  test("the product contract's conformance examples are present", assertSpecExamplesPresent);

  for (const file of sources) {
    const name = path.relative(repoRoot, file).startsWith('..') ? `spec/${path.relative(SPEC_EXAMPLES, file)}` : path.relative(repoRoot, file);
    test(name, () => {
      const { ParsedDocument, analyze, analyzeDocument, defaultPolicy, languageFromPath, prepareFile } = engine();
      const text = readFileSync(file, 'utf8');
      const filePath = path.basename(file);
      const languageId = languageFromPath(filePath);
      const prepared = prepareFile({ text, path: filePath }, defaultPolicy());
      if (!languageId || !prepared) return;
      const targets = targetLines(prepared.prepared.facts);
      const policy = defaultPolicy();
      const document = new ParsedDocument(languageId, text);
      try {
        analyzeDocument(document, filePath, policy);
        for (const { kind, line } of targets) {
          for (const { what, edit } of editsAt(document.text.split('\n'), line)) {
            document.applyChanges([edit]);
            const incremental = visible(analyzeDocument(document, filePath, policy));
            // A policy object of its own: what the engine remembers per policy starts empty.
            const fresh = visible(analyze({ text: document.text, path: filePath }, defaultPolicy()));
            assert.deepEqual(incremental, fresh, `${kind} statement on line ${line + 1} ${what}`);
          }
        }
        assert.equal(document.text, text, 'every edit was undone');
      } finally {
        document.dispose();
      }
    });
  }
});
