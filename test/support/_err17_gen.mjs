// temporary: print findings and fixed text of a before-file (not committed)
import { readFileSync } from 'node:fs';
import { engine, loadEngine } from './engine.mjs';
import { fixText, loadFixRunner } from './fix-runner.mjs';
import { withoutMarkers, actualFindings } from './expectations.mjs';
await loadEngine(); await loadFixRunner();
const [ruleId, file, asPath] = process.argv.slice(2);
const e = engine();
const src = withoutMarkers(readFileSync(file, 'utf8'));
const policy = e.defaultPolicy();
const p = asPath ?? file.split('/').pop().replace('.before', '');
const r = e.analyze({ text: src.source, path: p }, policy);
console.error('expected', src.expected, 'actual', actualFindings(r).filter(x=>x.endsWith(ruleId)));
const others = Object.fromEntries(e.RULE_IDS.filter((id) => id !== ruleId).map((id) => [id, 'off']));
process.stdout.write(fixText(src.source, p, policy, { ruleSeverity: others }).text);
