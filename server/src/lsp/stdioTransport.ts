// Over stdio the server reads the LSP framing through its own reader, so that a malformed header
// or body (`Content-Length: abc`, a wrong length, garbage) ends the process. The library's reader
// only reports such an error to listeners nobody registers, and every later message, `shutdown`
// included, then goes unanswered while the client waits. Exiting non-zero lets the client's
// restart policy take over (it restarts a crashed server and tells the user when it gives up).

import { StreamMessageReader, StreamMessageWriter, type MessageReader, type MessageWriter } from 'vscode-languageserver/node';

/** Exit code after a framing error: distinct from 1, the code for a client that went away without `shutdown`. */
export const FRAMING_ERROR_EXIT_CODE = 3;

export interface StdioTransport {
  reader: MessageReader;
  writer: MessageWriter;
}

/**
 * The reader and writer for `--stdio`, or undefined for the other transports (IPC, sockets,
 * pipes), which the library sets up from the command line as usual.
 */
export function stdioTransport(shutdownReceived: () => boolean, argv: readonly string[] = process.argv): StdioTransport | undefined {
  if (!argv.slice(2).includes('--stdio')) return undefined;
  const reader = new StreamMessageReader(process.stdin);
  const writer = new StreamMessageWriter(process.stdout);
  reader.onError(() => {
    // The error's text quotes the offending header or body, which may be anything: not echoed.
    process.stderr.write('phi-guard language server: malformed LSP message on stdin (bad framing); exiting so the client can restart it\n');
    process.exit(FRAMING_ERROR_EXIT_CODE);
  });
  // What the library does for a stdio stream it owns: the client closing stdin ends the server.
  const ended = () => process.exit(shutdownReceived() ? 0 : 1);
  process.stdin.on('end', ended);
  process.stdin.on('close', ended);
  // stdout carries the protocol: anything a dependency prints goes to stderr instead.
  console.log = console.info = console.debug = console.error;
  return { reader, writer };
}
