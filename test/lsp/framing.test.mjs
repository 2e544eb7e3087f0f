// A malformed message on stdin ends the server with one line on stderr and a non-zero exit, so the
// client restarts it, instead of leaving it alive but deaf (every later request unanswered).

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { serverPath } from './lspClient.mjs';

const frame = (body) => `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
const INITIALIZE = frame(JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
const SHUTDOWN = frame(JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'shutdown' }));

/**
 * Starts the server and writes each step's input once the previous step's expected output has
 * appeared on stdout; resolves with the exit code, stdout and stderr (rejects after a timeout).
 */
function runServer(steps, { closeStdin = false, timeoutMs = 20_000 } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [serverPath, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let next = 0;
    const writeReadySteps = () => {
      while (next < steps.length && (next === 0 || !steps[next - 1].until || steps[next - 1].until.test(stdout))) {
        child.stdin.write(steps[next++].input);
      }
      if (next === steps.length && closeStdin) child.stdin.end();
    };
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      writeReadySteps();
    });
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server was still running after ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
    child.stdin.on('error', () => {}); // the server may exit before it has read everything
    writeReadySteps();
  });
}

describe('malformed LSP framing', () => {
  const cases = {
    'a Content-Length that is not a number': 'Content-Length: abc\r\n\r\n{}',
    'a header line without a colon': 'garbage garbage\r\n\r\n{}',
    'a body that is not JSON (wrong length)': `Content-Length: 5\r\n\r\n{"jsonrpc"`,
  };
  for (const [name, garbage] of Object.entries(cases)) {
    it(`${name}: exits non-zero at once with one line on stderr that quotes nothing`, async () => {
      // stdin stays open: the server must not wait for it to close.
      const { code, stderr } = await runServer([{ input: INITIALIZE, until: /"id":1/ }, { input: garbage + SHUTDOWN }]);
      assert.notEqual(code, 0);
      assert.notEqual(code, null);
      const lines = stderr.trim().split('\n');
      assert.equal(lines.length, 1, stderr);
      assert.match(lines[0], /malformed LSP message/);
      assert.ok(!stderr.includes('abc') && !stderr.includes('garbage'), 'the offending bytes are not echoed');
    });
  }

  it('a well-formed session still answers and exits 0 after shutdown and exit', async () => {
    const EXIT = frame(JSON.stringify({ jsonrpc: '2.0', method: 'exit' }));
    const { code, stdout } = await runServer([{ input: INITIALIZE, until: /"id":1/ }, { input: SHUTDOWN, until: /"id":2/ }, { input: EXIT }]);
    assert.equal(code, 0);
    assert.match(stdout, /"id":1,"result"/);
    assert.match(stdout, /"id":2,"result":null/);
  });

  it('stdin closed without shutdown: exits 1, as the LSP specification asks', async () => {
    const { code } = await runServer([{ input: INITIALIZE }], { closeStdin: true });
    assert.equal(code, 1);
  });
});
