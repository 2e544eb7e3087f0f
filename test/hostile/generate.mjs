// The hostile inputs of test/hostile/, as bytes: files that are valid source for Python, Node or
// TypeScript but have once made PHI Guard look away (README.md in this folder says what each one
// is for). `node test/hostile/generate.mjs` rewrites the committed copies; test/cli/hostile-input
// checks they still match, so the bytes stay what the README says.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HOSTILE_DIR = path.dirname(fileURLToPath(import.meta.url));

const JS_LEAK = [
  '// build marker: \u0000 (one NUL byte; Node runs this file as it is)',
  'function show(patient) {',
  "  console.log('patient', patient.ssn);",
  '}',
  'module.exports = { show };',
  '',
].join('\n');

const PY_LEAK = [
  'import logging',
  '',
  'logger = logging.getLogger(__name__)',
  '# marker: \u0000 (one NUL byte in a comment)',
  '',
  '',
  'def show(patient):',
  '    logger.info("patient %s", patient.ssn)',
  '',
].join('\n');

const TS_LEAK = [
  '// Saved by an editor as UTF-16 with a byte-order mark; tsc and VS Code read it.',
  'export function show(patient: { ssn: string }): void {',
  "  console.log('patient', patient.ssn);",
  '}',
  '',
].join('\n');

const utf16le = (text) => Buffer.from(text, 'utf16le');
const utf16be = (text) => Buffer.from(text, 'utf16le').swap16();

/** A PNG header and chunk layout: NULs and bytes that are not UTF-8, as in any real image. */
function pngBytes() {
  const bytes = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 0x10, 0, 0, 0, 0x10, 8, 6, 0, 0, 0];
  for (let i = 0; i < 200; i++) bytes.push((i * 37 + 11) & 0xff, 0, (i * 101) & 0xff);
  return Buffer.from(bytes);
}

/**
 * name -> { bytes, line }: `line` is the 1-based line of the one phi-in-log finding the file must
 * produce, or `notAnalysed` the reason it is refused (a fail-closed one: exit code 2).
 */
export const HOSTILE_FILES = {
  'nul-in-comment.js': { bytes: Buffer.from(JS_LEAK, 'utf8'), line: 3 },
  'nul-in-comment.py': { bytes: Buffer.from(PY_LEAK, 'utf8'), line: 8 },
  'utf16le-bom.ts': { bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le(TS_LEAK)]), line: 3 },
  'utf16be-bom.ts': { bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be(TS_LEAK)]), line: 3 },
  'utf8-bom.ts': { bytes: Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TS_LEAK, 'utf8')]), line: 3 },
  'crlf.py': { bytes: Buffer.from(PY_LEAK.replace('\u0000', 'CRLF line endings').replace(/\n/g, '\r\n'), 'utf8'), line: 8 },
  'cr-only.js': { bytes: Buffer.from(JS_LEAK.replace('\u0000', 'lone CR line endings').replace(/\n/g, '\r'), 'utf8'), line: 3 },
  'utf16le-no-bom.ts': { bytes: utf16le(TS_LEAK), notAnalysed: 'binary' },
  'png-renamed.js': { bytes: pngBytes(), notAnalysed: 'binary' },
};

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const [name, { bytes }] of Object.entries(HOSTILE_FILES)) writeFileSync(path.join(HOSTILE_DIR, name), bytes);
  console.log(`wrote ${Object.keys(HOSTILE_FILES).length} files to ${HOSTILE_DIR}`);
}
