// Reading and writing source files as the engine sees them: a JS string without the byte-order
// mark (editors do not count it as a column). UTF-8, with or without a BOM, and UTF-16 (LE or BE)
// with a BOM are read; TypeScript and editors accept all of them, so a file in any of them is
// code that runs and must be analysed. Writing puts back the same encoding and BOM.

import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';

export type SourceEncoding = 'utf8' | 'utf16le' | 'utf16be';

export interface SourceText {
  text: string;
  hasBom: boolean;
  /** How the file was stored; UTF-8 when absent. */
  encoding?: SourceEncoding;
}

export type ReadOutcome =
  /** `bytes`: the file as read, e.g. for a content hash; `totalBytes`: the file's size when only its start was read. */
  | { ok: true; source: SourceText; bytes: Buffer; totalBytes?: number }
  | { ok: false; reason: 'too-large' | 'binary' | 'unreadable'; detail: string };

const utf8 = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });
const utf16le = new TextDecoder('utf-16le', { fatal: false, ignoreBOM: true });
const utf16be = new TextDecoder('utf-16be', { fatal: false, ignoreBOM: true });

/**
 * `maxFileSizeKb` (`--max-file-size-kb`): larger files are not read, except that with
 * `startOfLarger` (data files, for a scan) their first `maxFileSizeKb` are read and `totalBytes`
 * says the rest was not. Never for a file that will be written back (`phi-guard fix`).
 */
export async function readSourceFile(file: string, maxFileSizeKb?: number, startOfLarger = false): Promise<ReadOutcome> {
  return readSourceFileSync(file, maxFileSizeKb, startOfLarger);
}

/**
 * readSourceFile without the promise: one open, one fstat, the reads and a close. A scan reads
 * thousands of small files one after the other, and the promise API's round trips through the
 * libuv thread pool (stat, then open, fstat, read, close) cost more than the reads themselves
 * (docs/performance.md, session 12).
 */
export function readSourceFileSync(file: string, maxFileSizeKb?: number, startOfLarger = false): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'r');
    if (maxFileSizeKb !== undefined) {
      const { size } = fstatSync(fd);
      if (size > maxFileSizeKb * 1024 && startOfLarger) return readStart(fd, maxFileSizeKb * 1024, size);
      // Checked before reading so a huge generated file is never loaded into memory.
      if (size > maxFileSizeKb * 1024) {
        return { ok: false, reason: 'too-large', detail: `larger than --max-file-size-kb (${maxFileSizeKb} KB): ${Math.ceil(size / 1024)} KB` };
      }
    }
    const bytes = readFileSync(fd);
    const decoded = decodeSource(bytes);
    if ('refused' in decoded) return { ok: false, reason: 'binary', detail: decoded.refused };
    return { ok: true, source: decoded, bytes };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException)?.code;
    // A name that is not valid UTF-8 was decoded with U+FFFD by readdir: that path cannot be opened.
    if (code === 'ENOENT' && file.includes('\uFFFD')) return { ok: false, reason: 'unreadable', detail: 'the file name is not valid UTF-8 (ENOENT)' };
    if (code === 'ENOENT') return { ok: false, reason: 'unreadable', detail: 'the file was deleted before it could be read (ENOENT)' };
    return { ok: false, reason: 'unreadable', detail: code ?? 'read failed' };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** The first `limit` bytes of an open file: a large data file is never loaded whole. */
function readStart(fd: number, limit: number, size: number): ReadOutcome {
  const bytes = Buffer.alloc(limit);
  let bytesRead = 0;
  // A read may return fewer bytes than asked; stop at the end of the file.
  for (let got = -1; got !== 0 && bytesRead < limit; bytesRead += got) got = readSync(fd, bytes, bytesRead, limit - bytesRead, bytesRead);
  const start = bytes.subarray(0, bytesRead);
  const decoded = decodeSource(start);
  if ('refused' in decoded) return { ok: false, reason: 'binary', detail: decoded.refused };
  return { ok: true, source: decoded, bytes: start, totalBytes: size };
}

/**
 * The text of a file's bytes, by its byte-order mark (UTF-8 without one). Whether the text is
 * text at all (NUL bytes, invalid UTF-8) is the engine's call, the same in the editor; only
 * UTF-16 without a BOM is refused here, with a reason that says how to fix it, since it would
 * otherwise be called binary.
 */
export function decodeSource(bytes: Uint8Array): SourceText | { refused: string } {
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: utf8.decode(bytes.subarray(3)), hasBom: true, encoding: 'utf8' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: utf16le.decode(bytes.subarray(2)), hasBom: true, encoding: 'utf16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: utf16be.decode(bytes.subarray(2)), hasBom: true, encoding: 'utf16be' };
  }
  if (looksLikeUtf16WithoutBom(bytes)) {
    return { refused: 'looks like UTF-16 text without a byte-order mark; save it as UTF-8, or as UTF-16 with a BOM' };
  }
  return { text: utf8.decode(bytes), hasBom: false, encoding: 'utf8' };
}

/** ASCII-heavy UTF-16: every other byte of the first few hundred is NUL, on one side only. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const pairs = Math.min(bytes.length >> 1, 256);
  if (pairs < 4) return false;
  let evenNul = 0;
  let oddNul = 0;
  for (let i = 0; i < pairs; i++) {
    if (bytes[2 * i] === 0) evenNul++;
    if (bytes[2 * i + 1] === 0) oddNul++;
  }
  return Math.max(evenNul, oddNul) >= pairs * 0.8 && Math.min(evenNul, oddNul) <= pairs * 0.05;
}

/** The bytes to write for `source`: its encoding and BOM, as it was read. */
export function encodeSource(source: SourceText): Buffer {
  const text = (source.hasBom ? '\uFEFF' : '') + source.text;
  if (source.encoding === 'utf16le') return Buffer.from(text, 'utf16le');
  if (source.encoding === 'utf16be') return Buffer.from(text, 'utf16le').swap16();
  return Buffer.from(text, 'utf8');
}
