// Everything the commands touch outside themselves, passed in so tests and future commands can
// run them without a real terminal.

export interface OutputStream {
  write(text: string): void;
  readonly isTTY: boolean;
  /** Terminal width when a TTY, for progress lines. */
  readonly columns?: number;
}

export interface CliIO {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdout: OutputStream;
  stderr: OutputStream;
}

function wrap(stream: NodeJS.WriteStream): OutputStream {
  return {
    write: (text) => {
      stream.write(text);
    },
    get isTTY() {
      return Boolean(stream.isTTY);
    },
    get columns() {
      return stream.columns;
    },
  };
}

export function processIO(): CliIO {
  return { cwd: process.cwd(), env: process.env, stdout: wrap(process.stdout), stderr: wrap(process.stderr) };
}

/** Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
export function colorEnabled(stream: OutputStream, env: NodeJS.ProcessEnv): boolean {
  if (env.NO_COLOR) return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  return stream.isTTY && env.TERM !== 'dumb';
}
