// Where live analysis time goes, measured in-process on the engine: incremental reparse
// (ParsedDocument.applyChanges) versus fact extraction + rules (analyzeDocument).
import { createRequire } from 'node:module';
import path from 'node:path';
import { editScript, percentile, sampleSource } from './sample-source.mjs';

export async function measureParseVsRules({ root, sourceDir, language, lineCount, edits }) {
  const engine = createRequire(import.meta.url)(path.join(root, 'dist/engine.js'));
  await engine.initEngine();
  const text = sampleSource(sourceDir, language, lineCount);
  const document = new engine.ParsedDocument(language, text);
  const policy = engine.defaultPolicy();
  const file = language === 'python' ? 'bench.py' : 'bench.ts';
  engine.analyzeDocument(document, file, policy);
  const parse = [];
  const analysis = [];
  for (const edit of editScript(text, edits)) {
    let started = performance.now();
    document.applyChanges([edit]);
    parse.push(performance.now() - started);
    started = performance.now();
    engine.analyzeDocument(document, file, policy);
    analysis.push(performance.now() - started);
  }
  document.dispose();
  const parseTotal = parse.reduce((a, b) => a + b, 0);
  const analysisTotal = analysis.reduce((a, b) => a + b, 0);
  return {
    parseP50Ms: percentile(parse, 50),
    analysisP50Ms: percentile(analysis, 50),
    parseShare: parseTotal / (parseTotal + analysisTotal),
  };
}
