// The server survives what goes wrong around it (docs/reliability.md, "Server
// resilience"): a rule that throws is isolated and logged once without source text; files it
// will not analyse get a visible notice; a killed server is replaced and diagnostics come back;
// a flood of edits leaves it responsive with diagnostics for the last version.

import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fixtureUri, repoRoot, serverPath, startServer, waitFor } from './lspClient.mjs';
import { throwingRulePreload } from '../support/throwing-rule-preload.mjs';

const require = createRequire(import.meta.url);

const LOG_AND_AI = [
  'import logging',
  'import openai',
  'logger = logging.getLogger(__name__)',
  '',
  'def summarize(patient):',
  '    logger.info("summary for %s", patient.ssn)',
  '    return openai.chat.completions.create(model="gpt-4.1", messages=[{"role": "user", "content": patient.diagnosis}])',
  '',
].join('\n');

describe('a rule that throws', () => {
  let client;
  let preload;
  const uri = fixtureUri('app', 'rule-throws.py');

  before(async () => {
    // The rules are in the server's bundle, dist/server-main.js; loaded by require() (not from
    // V8's code cache, which no preload sees) so the preload can rewrite it.
    preload = throwingRulePreload(path.join(path.dirname(serverPath), 'server-main.js'));
    client = await startServer({ pull: false, execArgv: ['--require', preload.file], env: { ...process.env, PHI_GUARD_NO_CODE_CACHE: '1' } });
    await client.connection.sendNotification('$/setTrace', { value: 'verbose' });
  });
  after(async () => {
    await client?.shutdown();
    preload?.dispose();
  });

  it('is isolated: the other rules still report', async () => {
    await client.open(uri, LOG_AND_AI);
    const diagnostics = await client.waitForPublished(uri, { predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
    assert.ok(!diagnostics.some((d) => d.code === 'phi-to-ai'), 'the failing rule reports nothing');
    // The same rule still works on other files.
    const other = fixtureUri('app', 'ai_ok.py');
    await client.open(other, LOG_AND_AI);
    await client.waitForPublished(other, { predicate: (items) => items.some((d) => d.code === 'phi-to-ai') });
  });

  it('is logged once, with the rule id and the file path and no source text', async () => {
    const failureLines = () => client.logs.filter((line) => line.includes('phi-to-ai') && /fail/i.test(line));
    await waitFor(() => failureLines().length > 0, { message: 'the rule failure log line' });
    // Another version of the same file fails again: still one line.
    const version = await client.change(uri, [{ range: { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, text: '\n' }]);
    await client.waitForPublished(uri, { version });
    const lines = failureLines();
    assert.equal(lines.length, 1, lines.join('\n'));
    assert.ok(lines[0].includes('rule-throws.py'), lines[0]);
    assert.ok(lines[0].includes('TypeError'), lines[0]);
    const output = [...client.logs, client.stderr].join('\n');
    assert.ok(!output.includes('cannot read'), 'the exception message (which quotes source) is not logged');
    assert.ok(!output.includes('patient.ssn') && !output.includes('import logging'), 'no source text');
  });
});

describe('a rule that throws, at the engine level', () => {
  it('becomes a ruleFailure with the error type only; the other rules report', async () => {
    const engine = require(path.join(repoRoot, 'dist', 'engine.js'));
    await engine.initEngine();
    const victim = engine.registeredRules().find((rule) => rule.metadata.id === 'phi-in-error');
    const check = victim.check;
    victim.check = (context) => {
      throw new RangeError(`boom ${context.facts.text.slice(0, 30)}`);
    };
    try {
      const result = engine.analyze({ text: LOG_AND_AI, path: 'app/x.py' }, engine.defaultPolicy());
      assert.deepEqual(result.ruleFailures.map((failure) => failure.ruleId), ['phi-in-error']);
      assert.match(result.ruleFailures[0].error, /^RangeError/);
      assert.ok(!result.ruleFailures[0].error.includes('boom'), 'the message (which may quote source) is dropped');
      assert.ok(result.findings.some((finding) => finding.ruleId === 'phi-in-log'));
    } finally {
      victim.check = check;
    }
  });
});

describe('files PHI Guard does not analyse', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: false, configuration: true, settings: () => ({ maxFileSizeKb: 4 }) });
  });
  after(async () => {
    await client?.shutdown();
  });

  const notice = (items) => items.find((d) => d.severity === 3 && /did not analyse/.test(d.message));

  it('a file above phiGuard.maxFileSizeKb gets an information diagnostic saying so', async () => {
    const uri = fixtureUri('app', 'too_large.py');
    await client.open(uri, `${LOG_AND_AI}\n${'x = 1\n'.repeat(1000)}`);
    const diagnostics = await client.waitForPublished(uri, { predicate: (items) => !!notice(items) });
    assert.match(notice(diagnostics).message, /too large/);
    assert.match(notice(diagnostics).message, /maxFileSizeKb \(4 KB\)/);
    assert.equal(diagnostics.length, 1, 'nothing else: the file was not analysed');
  });

  it('a file that shrinks below the limit is analysed again', async () => {
    const uri = fixtureUri('app', 'shrinks.py');
    const padding = 'x = 1\n'.repeat(1000);
    await client.open(uri, `${LOG_AND_AI}${padding}`);
    await client.waitForPublished(uri, { predicate: (items) => !!notice(items) });
    const lines = LOG_AND_AI.split('\n').length - 1;
    const version = await client.change(uri, [{ range: { start: { line: lines, character: 0 }, end: { line: lines + 1000, character: 0 } }, text: '' }]);
    await client.waitForPublished(uri, { version, predicate: (items) => items.some((d) => d.code === 'phi-in-log') && !notice(items) });
  });

  it('a minified file gets an information diagnostic saying so', async () => {
    const uri = fixtureUri('app', 'bundle.min.js');
    // Under the 4 KB limit of this session? No: minified files are large by nature. Raise it.
    client.setSettings(() => ({ maxFileSizeKb: 1024 }));
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    const line = 'var a=function(p){console.log(p.ssn)};'.repeat(800);
    await client.open(uri, line, 'javascript');
    const diagnostics = await client.waitForPublished(uri, { predicate: (items) => !!notice(items) });
    assert.match(notice(diagnostics).message, /minified/);
  });

  it('a binary file gets an information diagnostic saying so', async () => {
    const uri = fixtureUri('app', 'binary.py');
    await client.open(uri, `import logging\u0000\u0001\u0002${'\u0000'.repeat(64)}logger.info("%s", patient.ssn)\n`);
    const diagnostics = await client.waitForPublished(uri, { predicate: (items) => !!notice(items) });
    assert.match(notice(diagnostics).message, /binary/);
  });
});

describe('a server killed mid-session', () => {
  it('is replaced by a new one, which re-publishes diagnostics for the re-opened documents', async () => {
    const documents = [
      { uri: fixtureUri('app', 'restart_one.py'), text: LOG_AND_AI },
      { uri: fixtureUri('app', 'restart_two.py'), text: 'import logging\nlogging.error("lookup failed for %s", patient.dob)\n' },
    ];
    const first = await startServer({ pull: false });
    try {
      for (const document of documents) await first.open(document.uri, document.text);
      for (const document of documents) await first.waitForPublished(document.uri, { predicate: (items) => items.length > 0 });
      // An edit in flight when it dies.
      await first.change(documents[0].uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# edited\n' }]);
      first.process.kill('SIGKILL');
      const exit = await first.exited;
      assert.equal(exit.signal, 'SIGKILL');
    } finally {
      first.connection.dispose();
    }

    // What vscode-languageclient does after a crash: start the server again and re-send didOpen
    // for every open document, with its current text.
    const second = await startServer({ pull: false });
    try {
      documents[0].text = `# edited\n${documents[0].text}`;
      for (const document of documents) await second.open(document.uri, document.text, 'python', 3);
      const one = await second.waitForPublished(documents[0].uri, { version: 3, predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
      assert.equal(one.find((d) => d.code === 'phi-in-log').range.start.line, 6, 'positions for the edited text');
      await second.waitForPublished(documents[1].uri, { version: 3, predicate: (items) => items.some((d) => d.code === 'phi-in-log') });
      assert.ok(second.logs.some((line) => /engine ready/.test(line)));
    } finally {
      await second.shutdown();
    }
  });
});

describe('a flood of edits', () => {
  let client;
  before(async () => {
    client = await startServer({ pull: false });
  });
  after(async () => {
    await client?.shutdown();
  });

  it('1,000 changes in a second leave the server responsive, with diagnostics for the last version', async () => {
    const uri = fixtureUri('app', 'flood.py');
    const engine = require(path.join(repoRoot, 'dist', 'engine.js'));
    await engine.initEngine();
    await client.open(uri, LOG_AND_AI);
    await client.waitForPublished(uri, { predicate: (items) => items.some((d) => d.code === 'phi-in-log') });

    // Type 1,000 characters, as fast as the pipe takes them: a comment line grows, lines are
    // added and removed, and along the way a new PHI log line appears and the first one goes.
    const started = Date.now();
    let version;
    const sends = [];
    const send = (changes) => {
      const document = client.document(uri);
      version = document.version + 1;
      // Keep the client's copy in step without awaiting each notification.
      sends.push(client.change(uri, changes));
    };
    const at = (line, character) => ({ line, character });
    const lineWith = (needle) => client.document(uri).getText().split('\n').findIndex((line) => line.includes(needle));
    for (let i = 0; i < 1000; i++) {
      if (i === 300) {
        const ssn = lineWith('patient.ssn'); // drop the ssn log line
        send([{ range: { start: at(ssn, 0), end: at(ssn + 1, 0) }, text: '' }]);
      } else if (i === 600) {
        const ret = lineWith('return openai');
        send([{ range: { start: at(ret, 0), end: at(ret, 0) }, text: '    logger.warning("dob %s", patient.dob)\n' }]);
      } else {
        send([{ range: { start: at(0, 0), end: at(0, 0) }, text: i % 50 === 49 ? '\n' : '#' }]);
      }
    }
    await Promise.all(sends);
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 5_000, `1,000 notifications sent in ${elapsed} ms`);

    // Responsive: a hover answers while the server digests the burst.
    const hoverStarted = Date.now();
    await client.hover(uri, { line: 0, character: 0 });
    const hoverMs = Date.now() - hoverStarted;
    assert.ok(hoverMs < 5_000, `hover answered in ${hoverMs} ms`);

    const finalText = client.document(uri).getText();
    const diagnostics = await client.waitForPublished(uri, { version, timeout: 20_000 });
    const expected = engine.analyze({ text: finalText, path: 'app/flood.py' }, engine.defaultPolicy()).findings;
    const key = (code, range) => `${code}@${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
    assert.deepEqual(
      diagnostics.map((d) => key(d.code, d.range)).sort(),
      expected.map((f) => key(f.ruleId, f.range)).sort(),
      'the diagnostics are those of the last version',
    );
    const dob = finalText.split('\n').findIndex((line) => line.includes('patient.dob'));
    assert.ok(diagnostics.some((d) => d.code === 'phi-in-log' && d.range.start.line === dob), 'the new log line is reported where it now is');
    assert.ok(!finalText.includes('patient.ssn)'), 'the ssn log line is gone');

    // And it is still alive for the next request.
    const report = await client.hover(uri, { line: dob, character: 30 });
    assert.ok(report === null || typeof report === 'object');
  });
});
