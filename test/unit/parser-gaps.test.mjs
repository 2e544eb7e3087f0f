// Valid TypeScript and JSX that the grammars of @vscode/tree-sitter-wasm reject (docs/reliability.md,
// "Known parser limits"): the engine rewrites them to the same length before parsing, so such a file
// is analysed whole and every finding keeps its position. Found in openmrs/openmrs-esm-patient-chart.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { engine, loadEngine } from '../support/engine.mjs';

before(loadEngine);

const findings = (text, file) => engine().analyze({ text, path: file }, engine().defaultPolicy()).findings.map((f) => `${f.line + 1}:${f.range.start.character + 1}:${f.ruleId}`);

// A leak after the construct: found, at its line, only when the whole file was parsed.
const LEAK_AFTER = ['export function show(patient: any) {', '  console.log(patient.ssn);', '}', ''];

describe('parser gaps', () => {
  const entity = [
    'export function Flag({ patient }: any) {',
    '  return <span title="flag">&#128681;</span>;',
    '}',
    ...LEAK_AFTER,
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
    ...LEAK_AFTER,
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

  // tree-sitter-javascript#366: the JSX lexer takes an `&` only as a character reference.
  const ampersands = [
    'export function Header({ patient }: any) {',
    '  const when: Date & { tz: string } = patient.seen;',
    '  return (',
    '    <table>',
    '      <th className="a & b">Date & time</th>',
    '      <td>R&D</td>',
    '      <img src="/p?w=100&h=100&fit=crop" alt="x" />',
    '      <p>',
    '        Terms & Conditions',
    '      </p>',
    '    </table>',
    '  );',
    '}',
    ...LEAK_AFTER,
  ].join('\n');

  test('a bare & in JSX text and attribute strings parses, in TSX and JSX; intersections and real errors stay', () => {
    assert.equal(engine().countSyntaxErrors(ampersands, 'typescriptreact'), 0);
    assert.equal(engine().countSyntaxErrors(ampersands.replace(/: any/g, '').replace(/: Date & \{ tz: string \}/, ''), 'javascriptreact'), 0);
    assert.deepEqual(findings(ampersands, 'header.tsx'), ['15:15:phi-in-log']);
    assert.ok(engine().countSyntaxErrors('const a = <th>Date & time</th>;\nconst b = (;\n', 'typescriptreact') > 0, 'a real error is still reported');
    assert.equal(engine().countSyntaxErrors('type T = A & B;\nconst c = a & b;\nconst d = <i>x &amp; y</i>;\n', 'typescriptreact'), 0);
  });

  test('an edited document with a bare & in JSX gives the findings of a fresh analysis', () => {
    const { ParsedDocument, analyzeDocument, defaultPolicy } = engine();
    const document = new ParsedDocument('typescriptreact', ampersands);
    try {
      // Type into the JSX text beside the `&`, then add a line above the component.
      document.applyChanges([{ range: { start: { line: 4, character: 30 }, end: { line: 4, character: 30 } }, text: 'X' }]);
      document.applyChanges([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '// header\n' }]);
      assert.equal(document.tree.rootNode.hasError, false);
      const fresh = new ParsedDocument('typescriptreact', document.text);
      try {
        assert.equal(fresh.tree.rootNode.toString(), document.tree.rootNode.toString());
        assert.deepEqual(analyzeDocument(document, 'header.tsx', defaultPolicy()).findings.map((f) => f.line + 1), [16]);
      } finally {
        fresh.dispose();
      }
    } finally {
      document.dispose();
    }
  });

  test('a JSX attribute named `in` parses in JavaScript; the `in` operator is left alone', () => {
    const transitions = [
      'export function Details({ open, patient }) {',
      '  if ("ssn" in patient) console.log(patient.ssn);',
      '  return (',
      '    <Collapse in={open} timeout="auto">',
      '      <Fade in timeout={300}><Zoom in>{patient.id}</Zoom></Fade>',
      '      <Grow',
      '        in={open}',
      '      />',
      '    </Collapse>',
      '  );',
      '}',
      '',
    ].join('\n');
    assert.equal(engine().countSyntaxErrors(transitions, 'javascript'), 0);
    assert.equal(engine().countSyntaxErrors(transitions, 'javascriptreact'), 0);
    assert.deepEqual(findings(transitions, 'details.js'), ['2:37:phi-in-log']);
  });

  test('import types and type arguments of a tagged template parse in TypeScript', () => {
    const types = [
      'let transcript: import("@/lib/schema").Message[] | undefined = undefined;',
      'const actual = await importOriginal<typeof import("./identity")>();',
      'const rows = await prisma.$queryRaw<[{ exists: boolean }]>`SELECT 1`;',
      'const lazy = import("./page").then((m) => m.default);',
      'export function show(patient: any) {',
      '  console.log(patient.ssn);',
      '}',
      '',
    ].join('\n');
    assert.equal(engine().countSyntaxErrors(types, 'typescript'), 0);
    assert.equal(engine().countSyntaxErrors(types, 'typescriptreact'), 0);
    assert.deepEqual(findings(types, 'types.ts'), ['6:15:phi-in-log']);
  });
});
