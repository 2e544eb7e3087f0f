// Writing `--output FILE` of scan and coverage. The path, folders included, is the user's choice
// (an artifacts folder may well be a link), but the file itself is never a symbolic link: a
// repository can plant `phi-guard.sarif -> ~/.profile` where CI writes its report. A character
// device or a pipe named by the user (`--output /dev/null`, `--output /dev/stderr` when it is not a
// link) is written as it is: git cannot plant one, and refusing it would break ordinary scripts.

import { promises as fs } from 'node:fs';
import * as path from 'node:path';
import { safeWriteFile, UnsafeWriteError } from '../safe-write';
import { displayPath } from './display-path';
import { UsageError } from './usage-error';

export async function writeReportFile(outputFile: string, content: string, cwd: string, command: string): Promise<void> {
  const target = path.resolve(cwd, outputFile);
  const stat = await fs.lstat(target).catch(() => undefined);
  if (stat && (stat.isCharacterDevice() || stat.isFIFO())) {
    await fs.writeFile(target, content, 'utf8');
    return;
  }
  try {
    await safeWriteFile(path.dirname(target), target, content, { overwrite: true });
  } catch (error) {
    if (!(error instanceof UnsafeWriteError)) throw error;
    throw new UsageError(`not writing the report to '${outputFile}': ${error.describe((absolute) => displayPath(absolute, cwd))}`, command);
  }
}
