// The language client's verbose trace prints message parameters, which include whole documents
// (didOpen/didChange `text`) and fix edits (`newText`): source code that may hold PHI. The trace
// goes through this wrapper so those strings never reach the output channel.

import type * as vscode from 'vscode';

const SOURCE_TEXT_FIELD = /"(text|newText)":\s*"((?:[^"\\]|\\.)*)"/g;

export function redactSourceText(message: string): string {
  return message.replace(SOURCE_TEXT_FIELD, (_match, key: string, value: string) => `"${key}": "<${value.length} chars redacted>"`);
}

/** The same channel, except that `trace` lines have source text redacted. */
export function redactingTraceChannel(channel: vscode.LogOutputChannel): vscode.LogOutputChannel {
  return new Proxy(channel, {
    get(target, property) {
      if (property === 'trace') {
        return (message: string, ...args: unknown[]) => target.trace(redactSourceText(message), ...args);
      }
      const value: unknown = Reflect.get(target, property);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
