// The real files the mutations start from: the engine fixtures, the spec's conformance examples
// (copied into test/fuzz/corpus so a fresh clone fuzzes the same inputs), the demo project and the
// hostile inputs of test/hostile (NUL bytes, UTF-16, odd line endings, binary).
// Listed in a sorted, fixed order so a seed means the same input on every machine.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

const SOURCE_DIRS = ['test/fixtures/engine', 'test/fuzz/corpus', 'examples/demo-clinic', 'test/fixtures/lsp/workspace', 'test/hostile'];
const POLICY_DIRS = ['test/fixtures/policy', 'test/fixtures/engine-policy', 'examples/demo-clinic', 'test/fixtures/cli'];

const LANGUAGE_BY_EXTENSION = {
  '.py': 'python',
  '.ts': 'typescript',
  '.tsx': 'typescriptreact',
  '.js': 'javascript',
  '.jsx': 'javascriptreact',
  '.prisma': 'prisma',
};

export const LANGUAGES = ['python', 'typescript', 'typescriptreact', 'javascript', 'javascriptreact', 'prisma'];
export const EXTENSION_BY_LANGUAGE = {
  python: '.py',
  typescript: '.ts',
  typescriptreact: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  prisma: '.prisma',
};

function walk(dir, accept, out = []) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return out;
  }
  for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules') walk(full, accept, out);
    } else if (entry.isFile() && accept(full)) {
      out.push(full);
    }
  }
  return out;
}

let sources;
/** [{ file (repo-relative), languageId, text }] */
export function sourceCorpus() {
  sources ??= SOURCE_DIRS.flatMap((dir) =>
    walk(path.join(repoRoot, dir), (file) => LANGUAGE_BY_EXTENSION[path.extname(file)] !== undefined && statSync(file).size < 200_000),
  ).map((file) => ({
    file: path.relative(repoRoot, file).split(path.sep).join('/'),
    languageId: LANGUAGE_BY_EXTENSION[path.extname(file)],
    text: decodeSource(readFileSync(file)),
  }));
  return sources;
}

/** As the CLI reads a file: UTF-16 by its byte-order mark, else UTF-8 (the BOM dropped). */
function decodeSource(bytes) {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder('utf-8').decode(bytes);
}

let policies;
/** Texts of real policy files (valid and deliberately broken ones). */
export function policyCorpus() {
  policies ??= POLICY_DIRS.flatMap((dir) =>
    walk(path.join(repoRoot, dir), (file) => file.endsWith('.json') && !file.endsWith('package.json') && statSync(file).size < 100_000),
  ).map((file) => readFileSync(file, 'utf8'));
  return policies;
}
