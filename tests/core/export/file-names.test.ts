/** Suggested export file names: in the interface's language, safe on every file system, NFC kept. */
import { describe, expect, it } from 'vitest';
import { notesFileName, pdfFileName, safeFileName } from '../../../src-main/core/export/export-files';

describe('export file names', () => {
  it('name several articles in the interface language', () => {
    expect(pdfFileName('Mặn xâm nhập', 31, 'vi')).toBe('Folio – 31 bài.pdf');
    expect(pdfFileName('Mặn xâm nhập', 31, 'en')).toBe('Folio – 31 articles.pdf');
    expect(notesFileName('Mặn xâm nhập', 1, 'vi')).toBe('Mặn xâm nhập – ghi chú.md');
    expect(notesFileName('Saltwater', 1, 'en')).toBe('Saltwater – notes.md');
    expect(notesFileName(undefined, 3, 'vi')).toBe('Folio – ghi chú, 3 bài.md');
    expect(notesFileName(undefined, 0, 'vi')).toBe('Folio – ghi chú.md');
  });

  it('name one article after its title, keeping Vietnamese in NFC', () => {
    const nfd = 'Mặn xâm nhập sâu ở đồng bằng'.normalize('NFD');
    expect(pdfFileName(nfd, 1, 'vi')).toBe('Mặn xâm nhập sâu ở đồng bằng.pdf'.normalize('NFC'));
    expect(pdfFileName(nfd, 1, 'vi').normalize('NFC')).toBe(pdfFileName(nfd, 1, 'vi'));
  });

  it('drop the characters file systems refuse, and bidi controls', () => {
    const name = safeFileName('a/b\\c:d*e?f"g<h>i|j\u0007k\u202Efdp.exe', 'pdf');
    expect(name).toBe('a b c d e f g h i j k fdp.exe.pdf');
    expect(name).not.toMatch(/[\\/:*?"<>|\p{Cc}\p{Cf}]/u);
    expect(safeFileName('../../etc/passwd', 'md')).toBe('etc passwd.md');
    expect(safeFileName(' . ', 'md')).toBe('folio-export.md');
    expect(safeFileName('CON', 'pdf')).toBe('CON_.pdf');
    expect(safeFileName('Kết luận...', 'pdf')).toBe('Kết luận.pdf');
  });

  it('cap the length at whole characters and keep the suffix', () => {
    const long = 'Đường '.repeat(40) + '😀'.repeat(50);
    const name = notesFileName(long, 1, 'vi');
    expect(name.endsWith(' – ghi chú.md')).toBe(true);
    expect([...name.slice(0, -' – ghi chú.md'.length)].length).toBeLessThanOrEqual(80);
    expect(Buffer.byteLength(name, 'utf8')).toBeLessThan(255);
    const emoji = safeFileName('a' + '😀'.repeat(100), 'pdf');
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no lone high surrogate
    expect([...emoji.slice(0, -4)]).toHaveLength(80);
  });
});
