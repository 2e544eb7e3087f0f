// `npm run gen`: writes what is derived from the rule registry, so that adding a rule is its
// folder and one registry line. `--check` writes nothing and exits 1 when a committed file
// differs from what gen would write (a test runs it).

import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { docsIndex, packageJson, policySchema, ruleIdsModule } from './gen/artefacts.mjs';
import { loadRuleMetadata } from './gen/load-registry.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const check = process.argv.includes('--check');

const rules = await loadRuleMetadata(repoRoot);
const read = (file) => readFileSync(path.join(repoRoot, file), 'utf8');
const readIfPresent = (file) => {
  try {
    return read(file);
  } catch {
    return undefined;
  }
};

const artefacts = [
  ['server/src/engine/model/rule-ids.generated.ts', () => ruleIdsModule(rules)],
  ['package.json', () => packageJson(read('package.json'), rules)],
  ['schemas/phi-guard.schema.json', () => policySchema(read('schemas/phi-guard.schema.json'), rules)],
  ['docs/rules/README.md', () => docsIndex(rules)],
];

const stale = [];
for (const [file, generate] of artefacts) {
  const wanted = generate();
  if (readIfPresent(file) === wanted) continue;
  stale.push(file);
  if (!check) writeFileSync(path.join(repoRoot, file), wanted);
}

if (check && stale.length) {
  console.error(`gen --check: ${stale.join(', ')} differ from what the rule registry generates. Run \`npm run gen\` and commit the result.`);
  process.exit(1);
}
console.log(stale.length ? `gen: wrote ${stale.join(', ')}` : `gen: ${artefacts.length} files up to date (${rules.length} rules)`);
