// The bundles' web-tree-sitter is rewritten at build time (scripts/web-tree-sitter-fast-paths.mjs:
// direct memory reads and writes, a node's handle in a named property). The rewritten library
// must read every tree exactly as the original does: both are loaded side by side here and every
// node of real fixture files is compared through the calls the adapters make.
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { rewriteWebTreeSitter } from '../../scripts/web-tree-sitter-fast-paths.mjs';
import { repoRoot } from '../support/engine.mjs';

const require = createRequire(import.meta.url);
const libraryPath = require.resolve('web-tree-sitter');
const wasmDir = path.dirname(libraryPath);
const grammarDir = path.dirname(require.resolve('@vscode/tree-sitter-wasm'));
const fixtures = path.join(repoRoot, 'test/fixtures/engine');
const sources = readdirSync(fixtures).filter((file) => /\.(py|ts|tsx)$/.test(file)).map((file) => path.join(fixtures, file));

let tmp;
const libraries = {};

before(async () => {
  tmp = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-wts-'));
  const rewrittenPath = path.join(tmp, 'web-tree-sitter.cjs');
  writeFileSync(rewrittenPath, rewriteWebTreeSitter(readFileSync(libraryPath, 'utf8')));
  for (const [name, file] of [['original', libraryPath], ['rewritten', rewrittenPath]]) {
    const lib = require(file);
    await lib.Parser.init({ locateFile: (wasm) => path.join(wasmDir, wasm) });
    const parsers = {};
    for (const grammar of ['python', 'typescript', 'tsx']) {
      const parser = new lib.Parser();
      parser.setLanguage(await lib.Language.load(readFileSync(path.join(grammarDir, `tree-sitter-${grammar}.wasm`))));
      parsers[grammar] = parser;
    }
    libraries[name] = { lib, parsers };
  }
});

after(() => rmSync(tmp, { recursive: true, force: true }));

const FIELDS = ['name', 'body', 'function', 'arguments', 'left', 'right', 'object', 'property', 'key', 'value', 'condition'];

/** Every node, depth first, as the adapters read it: type, span, parent, children, fields, query captures. */
function describeTree(tree, query) {
  const lines = [];
  const stack = [tree.rootNode];
  while (stack.length) {
    const node = stack.pop();
    const fields = FIELDS.map((field) => node.childForFieldName(field)?.id ?? '-').join(',');
    lines.push(
      [node.type, node.typeId, node.startIndex, node.endIndex, node.startPosition.row, node.startPosition.column, node.endPosition.row,
        node.endPosition.column, node.parent?.id ?? '-', node.namedChildCount, node.hasError, node.text.length, fields].join(' '),
    );
    for (const child of node.children) if (child) stack.push(child);
  }
  for (const capture of query.captures(tree.rootNode)) lines.push(`${capture.name} ${capture.node.id} ${capture.node.startIndex} ${capture.node.endIndex}`);
  return lines;
}

test('the rewritten web-tree-sitter reads every node of the fixtures as the original does', () => {
  assert.ok(sources.length >= 5, 'fixtures found');
  let nodes = 0;
  for (const file of sources) {
    const grammar = file.endsWith('.py') ? 'python' : file.endsWith('.tsx') ? 'tsx' : 'typescript';
    const text = readFileSync(file, 'utf8');
    const [original, rewritten] = ['original', 'rewritten'].map((name) => {
      const { lib, parsers } = libraries[name];
      const tree = parsers[grammar].parse(text);
      const types = grammar === 'python' ? '(call) @call (string) @string (identifier) @id' : '(call_expression) @call (string) @string (identifier) @id';
      const query = new lib.Query(parsers[grammar].language, types);
      try {
        return describeTree(tree, query);
      } finally {
        query.delete();
        tree.delete();
      }
    });
    assert.deepEqual(rewritten, original, path.basename(file));
    nodes += original.length;
  }
  assert.ok(nodes > 1000, `compared ${nodes} nodes`);
});

test('a node no longer carries an indexed property (the point of the rewrite)', () => {
  const tree = libraries.rewritten.parsers.python.parse('x = f(1)\n');
  const node = tree.rootNode.firstChild;
  assert.equal(Object.hasOwn(node, 0), false);
  assert.equal(typeof node._other, 'number');
  tree.delete();
});

test('the rewrite refuses a library whose code it does not recognise', () => {
  assert.throws(() => rewriteWebTreeSitter('var Node = class {};'), /web-tree-sitter-fast-paths\.mjs/);
  const source = readFileSync(libraryPath, 'utf8');
  assert.throws(() => rewriteWebTreeSitter(source.replace('C.setValue(address, node[0], "i32")', 'C.setValue(address, node.handle, "i32")')), /expected once/);
});
