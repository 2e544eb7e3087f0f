// Reading and writing source files as the engine sees them: UTF-8 text without the byte-order
// mark (editors do not count it as a column), which is put back on write.

import { promises as fs } from 'node:fs';

export interface SourceText {
  text: string;
  hasBom: boolean;
}

export type ReadOutcome =
  /** `bytes`: the file as read, e.g. for a content hash. */
  | { ok: true; source: SourceText; bytes: Buffer }
  | { ok: false; reason: 'too-large' | 'binary' | 'unreadable'; detail: string };

const decoder = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export async function readSourceFile(file: string, maxFileSizeKb?: number): Promise<ReadOutcome> {
  try {
    if (maxFileSizeKb !== undefined) {
      const { size } = await fs.stat(file);
      // Checked before reading so a huge generated file is never loaded into memory.
      if (size > maxFileSizeKb * 1024) {
        return { ok: false, reason: 'too-large', detail: `larger than ${maxFileSizeKb} KB (${Math.ceil(size / 1024)} KB)` };
      }
    }
    const bytes = await fs.readFile(file);
    if (bytes.subarray(0, 8192).includes(0)) return { ok: false, reason: 'binary', detail: 'contains NUL bytes' };
    const hasBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
    return { ok: true, source: { text: decoder.decode(hasBom ? bytes.subarray(3) : bytes), hasBom }, bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    // A name that is not valid UTF-8 was decoded with U+FFFD by readdir: that path cannot be opened.
    if (code === 'ENOENT' && file.includes('\uFFFD')) return { ok: false, reason: 'unreadable', detail: 'the file name is not valid UTF-8 (ENOENT)' };
    if (code === 'ENOENT') return { ok: false, reason: 'unreadable', detail: 'the file was deleted before it could be read (ENOENT)' };
    return { ok: false, reason: 'unreadable', detail: code ?? 'read failed' };
  }
}

export async function writeSourceFile(file: string, source: SourceText): Promise<void> {
  await fs.writeFile(file, (source.hasBom ? '\uFEFF' : '') + source.text, 'utf8');
}
