// A rule that throws, without shipping a hook: a --require preload (test-only, written to a temp
// folder) rewrites a bundle as Node loads it so that `phi-to-ai` throws on files whose path
// contains `rule-throws`, with an error message that quotes the source text (which must never
// reach a log or a report). The shipped bundle is byte-for-byte the one that runs everywhere else.

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Writes the preload for `bundlePath` (dist/server-main.js, dist/cli.js); pass `file` to `node --require`. */
export function throwingRulePreload(bundlePath) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phi-guard-throwing-rule-'));
  const file = path.join(dir, 'preload.cjs');
  writeFileSync(
    file,
    `const Module = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const target = ${JSON.stringify(path.resolve(bundlePath))};
const original = Module._extensions['.js'];
Module._extensions['.js'] = function (module, filename) {
  if (path.resolve(filename) !== target) return original(module, filename);
  const pattern = /var rules = \\[[^\\]]*\\];/;
  const source = fs.readFileSync(filename, 'utf8');
  if (!pattern.test(source)) throw new Error('throwing-rule preload: the rule registry was not found in the bundle');
  module._compile(source.replace(pattern, (registry) => registry + \`
{
  const victim = rules.find((rule) => rule.metadata.id === 'phi-to-ai');
  const check = victim.check;
  victim.check = (context) => {
    if (String(context.filePath).includes('rule-throws')) throw new TypeError('cannot read ' + context.facts.text.slice(0, 80));
    return check(context);
  };
}\`), filename);
};
`,
  );
  return { file, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
