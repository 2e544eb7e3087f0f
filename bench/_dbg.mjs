import { createRequire } from 'node:module';
import { sampleSource } from './sample-source.mjs';
const engine = createRequire(import.meta.url)('/work/main/dist/engine.js');
await engine.initEngine();
const text = sampleSource('/work/main/bench/generated/tree-50000', process.argv[2] ?? 'python', 5000);
const file = process.argv[2] === 'typescript' ? 'a.ts' : 'a.py';
const t = performance.now();
for (let i = 0; i < 3; i++) engine.analyze({ text, path: file }, engine.defaultPolicy());
console.log((performance.now() - t) / 3);
