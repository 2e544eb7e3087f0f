// A one-line progress counter on stderr for long runs in a terminal. Silent when stderr is piped
// or redirected (CI logs stay clean) and for runs that finish quickly.

import type { OutputStream } from './cli-io';

const SHOW_AFTER_MS = 400;
const REDRAW_EVERY_MS = 100;

export interface Progress {
  tick(done: number): void;
  finish(): void;
}

export function createProgress(stream: OutputStream, verb: string, total: number, now: () => number = Date.now): Progress {
  if (!stream.isTTY || total < 2) return { tick() {}, finish() {} };
  const started = now();
  let lastDraw = 0;
  let drawn = false;
  return {
    tick(done) {
      const time = now();
      if (time - started < SHOW_AFTER_MS || time - lastDraw < REDRAW_EVERY_MS) return;
      lastDraw = time;
      drawn = true;
      stream.write(`\r\x1b[Kphi-guard: ${verb} ${done}/${total} files`);
    },
    finish() {
      if (drawn) stream.write('\r\x1b[K');
    },
  };
}
