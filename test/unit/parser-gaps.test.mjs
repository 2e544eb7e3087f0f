// Valid TypeScript and JSX that the grammars of @vscode/tree-sitter-wasm reject (docs/reliability.md,
// "Known parser limits"): the engine rewrites them to the same length before parsing, so such a file
// is analysed whole and every finding keeps its position. Found in openmrs/openmrs-esm-patient-chart.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const findings = (text, file) => engine().analyze({ text, path: file }, engine().defaultPolicy()).findings.map((f) => `${f.line + 1}:${f.range.start.character + 1}:${f.ruleId}`);

describe('parser gaps', () => {
  const entity = [
    'export function Flag({ patient }: any) {',
    '  return <span title="flag">&#128681;</span>;',
    '}',
    'export function show(patient: any) {',
    '  console.log(patient.ssn);',
    '}',
    '',
  ].join('\n');

  test('a six-digit decimal character reference in JSX parses, in TSX and JSX', () => {
    assert.equal(engine().countSyntaxErrors(entity, 'typescriptreact'), 0);
    assert.equal(engine().countSyntaxErrors(entity.replace(/: any/g, ''), 'javascriptreact'), 0);
    assert.equal(engine().countSyntaxErrors('const a = <span>&#12868;</span>;\n', 'typescriptreact'), 0, 'five digits always parsed');
  });

  test('a file with one is analysed whole, and findings keep their positions', () => {
    assert.deepEqual(findings(entity, 'flag.tsx'), ['5:15:phi-in-log']);
  });

  const functionTypes = [
    'export const assessValue: (any) => (value: string) => string = (meta) => (value: string) => value;',
    'type Formatter = (string) => string;',
    'export function run(cb: (number) => void): (boolean) => void { return cb as any; }',
    'export function show(patient: any) {',
    '  console.log(patient.ssn);',
    '}',
    '',
  ].join('\n');

  test('a function type whose lone parameter is named like a predefined type parses', () => {
    assert.equal(engine().countSyntaxErrors(functionTypes, 'typescript'), 0);
    assert.equal(engine().countSyntaxErrors(functionTypes, 'typescriptreact'), 0);
    assert.deepEqual(findings(functionTypes, 'types.ts'), ['5:15:phi-in-log']);
  });

  test('an edited document with a rewritten construct is parsed afresh: no stale token from the old tree', () => {
    const { ParsedDocument, analyzeDocument, defaultPolicy } = engine();
    const document = new ParsedDocument('typescriptreact', entity);
    try {
      document.applyChanges([{ range: { start: { line: 1, character: 30 }, end: { line: 1, character: 31 } }, text: '2' }]);
      document.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' }]);
      assert.equal(document.tree.rootNode.hasError, false);
      assert.deepEqual(analyzeDocument(document, 'flag.tsx', defaultPolicy()).findings.map((f) => f.line + 1), [6]);
    } finally {
      document.dispose();
    }
  });
});
