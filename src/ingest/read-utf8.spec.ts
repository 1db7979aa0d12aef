import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkImportFile, readUtf8, readUtf8Until } from './read-utf8';

describe('reading UTF-8 files', () => {
  const folder = mkdtempSync(join(tmpdir(), 'read-utf8-'));
  const file = (name: string, bytes: Buffer | string) => {
    const path = join(folder, name);
    writeFileSync(path, bytes);
    return path;
  };
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('names the line and byte of the first byte that is not UTF-8', () => {
    const latin1 = file('latin1.xml', Buffer.from('<a>\n<b>caf\xe9</b>', 'latin1'));
    expect(() => readUtf8(latin1)).toThrow(
      /latin1\.xml: not valid UTF-8 at line 2, column 7 \(byte 10, 0xE9\)/,
    );
  });

  it('says a UTF-16 file is UTF-16, with or without its byte order mark (it was said to be Latin-1, or read)', () => {
    const text = '<treaty><meta>Acuerdo</meta></treaty>';
    const withMark = file(
      'utf16le.xml',
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
    );
    expect(() => readUtf8(withMark)).toThrow(
      'utf16le.xml: UTF-16 (little-endian, byte order mark FF FE), not UTF-8; save the file as UTF-8',
    );
    const bigEndian = Buffer.from(text, 'utf16le').swap16();
    expect(() => readUtf8(file('utf16be.xml', bigEndian))).toThrow(
      'utf16be.xml: UTF-16 (big-endian, no byte order mark), not UTF-8; save the file as UTF-8',
    );
    expect(() => readUtf8(file('utf16-bare.xml', Buffer.from(text, 'utf16le')))).toThrow(
      /UTF-16 \(little-endian, no byte order mark\)/,
    );
    expect(readUtf8(file('ascii.xml', text))).toBe(text);
  });

  it('reads the start of a file through a marker, without its byte order mark', () => {
    const path = file('meta.xml', '\ufeff<treaty><meta>é</meta><body>rest</body></treaty>');
    expect(readUtf8Until(path, '</meta>')).toBe('<treaty><meta>é</meta>');
  });

  it.each([
    ['a marker that straddles two reads', 16 * 1024 - 4],
    ['a marker after a letter that two reads cut in two', 16 * 1024 - 1],
  ])('finds %s', (_, length) => {
    const before = 'x'.repeat(length);
    const path = file(`long-${length}.xml`, `${before}é</meta>tail`);
    expect(readUtf8Until(path, '</meta>')).toBe(`${before}é</meta>`);
  });

  it('gives null for a file without the marker or whose start is not UTF-8', () => {
    expect(readUtf8Until(file('none.xml', '<treaty></treaty>'), '</meta>')).toBeNull();
    expect(readUtf8Until(file('bad.xml', Buffer.from('<m>\xe9</meta>', 'latin1')), '</meta>')).toBeNull();
  });
});

describe('checkImportFile', () => {
  it('refuses a device, read without end, before reading it', () => {
    expect(() => checkImportFile('/dev/zero')).toThrow(
      /^zero: a device, not a regular file \(read without end\)$/,
    );
    expect(() => readUtf8Until('/dev/zero', '</meta>')).toThrow(/a device, not a regular file/);
  });
});
