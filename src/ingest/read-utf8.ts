import { isUtf8 } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, Stats, statSync } from 'node:fs';
import { basename } from 'node:path';
import { setting } from '../config';

/** Text for an operator's message: control characters (NUL included) shown as \u0000 escapes, never raw. */
export function printable(text: string): string {
  return text.replace(
    // eslint-disable-next-line no-control-regex
    /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

/** Length of the valid UTF-8 sequence at `i`, or 0 when the bytes there are not UTF-8. */
function sequenceLength(bytes: Buffer, i: number): number {
  const b = bytes[i];
  const cont = (k: number) => i + k < bytes.length && (bytes[i + k] & 0xc0) === 0x80;
  if (b < 0x80) return 1;
  if (b >= 0xc2 && b <= 0xdf) return cont(1) ? 2 : 0;
  if (b >= 0xe0 && b <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    const c = bytes[i + 1];
    if ((b === 0xe0 && c < 0xa0) || (b === 0xed && c > 0x9f)) return 0;
    return 3;
  }
  if (b >= 0xf0 && b <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    const c = bytes[i + 1];
    if ((b === 0xf0 && c < 0x90) || (b === 0xf4 && c > 0x8f)) return 0;
    return 4;
  }
  return 0;
}

/** Where the first byte that is not UTF-8 sits: its offset, line and column (1-based, in bytes). */
export function firstInvalidUtf8(bytes: Buffer): { offset: number; line: number; column: number } | null {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length;) {
    const n = sequenceLength(bytes, i);
    if (!n) return { offset: i, line, column: i - lineStart + 1 };
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
    i += n;
  }
  return null;
}

/** A file an import refuses to read: not UTF-8, not a regular file, or too large (the message says which). */
export class UnreadableFileError extends Error {}

export class InvalidUtf8Error extends UnreadableFileError {}

/**
 * The largest file an import reads, in bytes (IMPORT_MAX_MB, 32 MiB by default): the largest ToTA file of the corpus
 * has 1.1 MB; a ToTA file of 160 MB ran the import out of memory (4.3 GB resident, killed by V8 after 74 s, with
 * no message), as the XML is parsed whole. `import json` takes more (jsonImportMaxBytes).
 */
export const importMaxBytes = (): number => setting('IMPORT_MAX_MB') * 1024 * 1024;

/**
 * `import json` reads the project's whole export (JSON_IMPORT_MAX_MB, 256 MiB by default): the ToTA corpus's is
 * 62 MB (5 December 2026); an operator restoring a larger catalogue's export raises it.
 */
export const jsonImportMaxBytes = (): number => setting('JSON_IMPORT_MAX_MB') * 1024 * 1024;

const megabytes = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1)} MB`;

/**
 * What a path is when it is no regular file, in the words an import's refusal uses: a device such as /dev/zero or
 * a named pipe is read without end; a folder was called "a device, a pipe or a socket".
 */
function notAFile(stat: Stats): string {
  if (stat.isDirectory()) return 'a folder, not a file';
  if (stat.isFIFO()) return 'a named pipe, not a regular file (read without end)';
  if (stat.isSocket()) return 'a socket, not a regular file';
  return 'a device, not a regular file (read without end)';
}

/**
 * The status of a path an import was given; a path that does not exist is said in words naming it (it was
 * Node's "ENOENT: no such file or directory, stat ...", and `import json` called it "not valid JSON").
 */
export function statImportPath(path: string): Stats {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOENT' && code !== 'ENOTDIR') throw error;
    throw new UnreadableFileError(
      `${printable(basename(path))}: no such file or folder (${printable(path)})`,
    );
  }
}

/**
 * Refuses what an import must not start reading: a path that is missing or no regular file (a folder; a device
 * such as /dev/zero or a named pipe, either read without end) and a file over `maxBytes`; the message names the
 * file.
 */
export function checkImportFile(file: string, maxBytes: number = importMaxBytes()): void {
  const stat = statImportPath(file);
  if (!stat.isFile()) throw new UnreadableFileError(`${printable(basename(file))}: ${notAFile(stat)}`);
  if (stat.size > maxBytes)
    throw new UnreadableFileError(
      `${printable(basename(file))}: ${megabytes(stat.size)}, more than the ${megabytes(maxBytes)} an import reads; split it (or raise IMPORT_MAX_MB, JSON_IMPORT_MAX_MB for import json)`,
    );
}

/**
 * The byte order of a UTF-16 file, or null: by its byte order mark, or, without one, by a NUL in every other byte
 * of its start (ASCII letters as UTF-16 are valid UTF-8 with a NUL beside each).
 */
function utf16Order(bytes: Buffer): string | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'little-endian, byte order mark FF FE';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'big-endian, byte order mark FE FF';
  const start = bytes.subarray(0, 512 - (Math.min(bytes.length, 512) % 2));
  if (start.length < 8) return null;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < start.length; i += 2) {
    if (start[i] === 0) even++;
    if (start[i + 1] === 0) odd++;
  }
  const pairs = start.length / 2;
  if (odd >= pairs * 0.9 && even === 0) return 'little-endian, no byte order mark';
  if (even >= pairs * 0.9 && odd === 0) return 'big-endian, no byte order mark';
  return null;
}

/**
 * Reads a file that must be UTF-8, refusing one that is not (a Latin-1 file would otherwise be stored with
 * U+FFFD in place of its accented letters): the message names the file, the line, the byte and its value.
 */
export function readUtf8(file: string, maxBytes: number = importMaxBytes()): string {
  checkImportFile(file, maxBytes);
  const bytes = readFileSync(file);
  // A file saved as UTF-16 ("Unicode" in Windows tools) was said to be Latin-1, or read with a NUL between letters.
  const utf16 = utf16Order(bytes);
  if (utf16)
    throw new InvalidUtf8Error(
      `${printable(basename(file))}: UTF-16 (${utf16}), not UTF-8; save the file as UTF-8`,
    );
  // The native check first: the byte-by-byte scan that finds the place is only needed for a bad file.
  const bad = isUtf8(bytes) ? null : firstInvalidUtf8(bytes);
  if (bad) {
    const value = bytes[bad.offset].toString(16).toUpperCase().padStart(2, '0');
    throw new InvalidUtf8Error(
      `${printable(basename(file))}: not valid UTF-8 at line ${bad.line}, column ${bad.column} (byte ${bad.offset}, ` +
        `0x${value}); save the file as UTF-8 (it may be Latin-1 or Windows-1252)`,
    );
  }
  const text = bytes.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/**
 * The start of a UTF-8 file up to and including the first `marker`, read a few kilobytes at a time (the rest of
 * the file is not read); null when the file has no marker or its start is not UTF-8.
 */
export function readUtf8Until(file: string, marker: string): string | null {
  checkImportFile(file);
  const needle = Buffer.from(marker);
  const chunk = Buffer.allocUnsafe(16 * 1024);
  const fd = openSync(file, 'r');
  try {
    let bytes = Buffer.alloc(0);
    for (;;) {
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) return null;
      const from = Math.max(0, bytes.length - needle.length + 1);
      bytes = Buffer.concat([bytes, chunk.subarray(0, read)]);
      const at = bytes.indexOf(needle, from);
      if (at < 0) continue;
      const head = bytes.subarray(0, at + needle.length);
      if (!isUtf8(head)) return null;
      const text = head.toString('utf8');
      return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
    }
  } finally {
    closeSync(fd);
  }
}
