// Sabotage stand-in for dist/server.js (PHI_GUARD_E2E_SABOTAGE=silent-server): a language server
// that initializes and answers every request with null but never publishes a diagnostic. The
// e2e run must fail against it; that is how the harness proves it checks the real server.

let buffer = Buffer.alloc(0);

const ipc = typeof process.send === 'function'; // vscode-languageclient's TransportKind.ipc

function send(message) {
  if (ipc) {
    process.send({ jsonrpc: '2.0', ...message });
    return;
  }
  const body = Buffer.from(JSON.stringify({ jsonrpc: '2.0', ...message }), 'utf8');
  process.stdout.write(`Content-Length: ${body.length}\r\n\r\n`);
  process.stdout.write(body);
}

function handle(message) {
  if (message.id === undefined || message.method === undefined) return; // notifications, responses
  if (message.method === 'initialize') {
    send({ id: message.id, result: { capabilities: { textDocumentSync: 1 }, serverInfo: { name: 'silent' } } });
  } else {
    send({ id: message.id, result: null });
  }
}

function receive(message) {
  if (message.method === 'exit') process.exit(0);
  handle(message);
}

if (ipc) process.on('message', receive);
else process.stdin.on('data', (chunk) => {
  buffer = Buffer.concat([buffer, chunk]);
  for (;;) {
    const headerEnd = buffer.indexOf('\r\n\r\n');
    if (headerEnd < 0) return;
    const match = /Content-Length: *(\d+)/i.exec(buffer.subarray(0, headerEnd).toString('ascii'));
    if (!match) return;
    const length = Number(match[1]);
    if (buffer.length < headerEnd + 4 + length) return;
    const body = buffer.subarray(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
    buffer = buffer.subarray(headerEnd + 4 + length);
    receive(JSON.parse(body));
  }
});
