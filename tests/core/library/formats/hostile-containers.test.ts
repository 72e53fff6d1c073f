/**
 * Container files are untrusted: zip bombs, entry floods, encrypted parts, names that climb out
 * of the archive, truncated and random bytes. Each is skipped with its reason; none throws, none
 * inflates past its budget, and the rest of the library is read.
 */
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync, strToU8 } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { readParsedFile } from '../../../../src-main/core/library/read-file';
import { ZipReader, listZip, resolveEntryPath, DEFAULT_ZIP_BUDGET } from '../../../../src-main/core/library/formats/zip';
import { Library } from '../../../../src-main/core/library/index';
import { makeDocx, makeEpub, makePdf, wrapLines } from '../../../fixtures/formats/make';

const dir = mkdtempSync(join(tmpdir(), 'folio-hostile-containers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function readAs(name: string, bytes: Uint8Array) {
  writeFileSync(join(dir, name), bytes);
  return readParsedFile(join(dir, name), name);
}

/** A docx whose document.xml is `size` bytes of one repeated letter (compresses ~1000:1). */
function bombDocx(size: number): Uint8Array {
  const good = makeDocx({ paragraphs: [{ text: 'x' }] });
  const files: Record<string, Uint8Array> = {};
  const reader = new ZipReader(good);
  for (const n of reader.names()) files[n] = reader.read(n)!;
  files['word/document.xml'] = new Uint8Array(size).fill(0x61);
  return zipSync(files, { level: 9 });
}

/** Set the "encrypted" flag (bit 0) on every entry of an archive, in both headers. */
function markEncrypted(zip: Uint8Array): Uint8Array {
  const out = zip.slice();
  for (let i = 0; i + 4 < out.length; i++) {
    const sig = out[i]! | (out[i + 1]! << 8) | (out[i + 2]! << 16) | (out[i + 3]! << 24);
    if (sig === 0x04034b50) out[i + 6]! |= 1;
    if (sig === 0x02014b50) out[i + 8]! |= 1;
  }
  return out;
}

describe('hostile archives', () => {
  it('refuses a zip bomb by its declared ratio before inflating it', async () => {
    const r = await readAs('bomb.docx', bombDocx(60 * 1024 * 1024));
    expect(r).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/expands more than|over the limit/) });
  });

  it('refuses an archive with a flood of entries', async () => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < DEFAULT_ZIP_BUDGET.maxEntries + 1; i++) files[`OEBPS/f${i}.xhtml`] = strToU8('<p>a</p>');
    expect(await readAs('flood.epub', zipSync(files, { level: 0 }))).toMatchObject({ reason: 'too-large', message: expect.stringMatching(/entries/) });
  });

  it('says a password-protected document is encrypted', async () => {
    expect(await readAs('secret.docx', markEncrypted(makeDocx({ paragraphs: [{ text: 'Bí mật' }] })))).toMatchObject({ reason: 'encrypted' });
  });

  it('cuts an entry that lies about its size at the declared size', () => {
    const zip = zipSync({ 'a.txt': new Uint8Array(10_000).fill(0x62) }, { level: 9 });
    const lied = zip.slice();
    // Patch the central directory's uncompressed size of the only entry down to 100 bytes.
    for (let i = 0; i + 4 < lied.length; i++) {
      if ((lied[i]! | (lied[i + 1]! << 8) | (lied[i + 2]! << 16) | (lied[i + 3]! << 24)) === 0x02014b50) {
        lied[i + 24] = 100; lied[i + 25] = 0; lied[i + 26] = 0; lied[i + 27] = 0;
      }
    }
    expect(listZip(lied)[0]?.size).toBe(100);
    expect(new ZipReader(lied).read('a.txt')?.length).toBe(100);
  });

  it('never resolves a book href out of the archive root', () => {
    expect(resolveEntryPath('OEBPS/content.opf', 'text/c1.xhtml')).toBe('OEBPS/text/c1.xhtml');
    expect(resolveEntryPath('OEBPS/content.opf', '../../../etc/passwd')).toBeNull();
    expect(resolveEntryPath('OEBPS/content.opf', '/etc/passwd')).toBeNull();
    expect(resolveEntryPath('OEBPS/content.opf', 'file:///etc/passwd')).toBeNull();
    expect(resolveEntryPath('OEBPS/content.opf', '%2e%2e/%2e%2e/x')).toBeNull();
  });

  it('reads a book whose spine also lists hrefs that climb out, ignoring those', async () => {
    const r = await readAs('climb.epub', makeEpub({ title: 'Sách thử', author: 'A', lang: 'vi', chapters: [{ title: 'Mở đầu', paragraphs: ['Chỉ có đoạn này là thật.'] }], spineHrefs: ['../../../../etc/passwd', '/etc/hostname'] }));
    expect('version' in r && r.version.paragraphs.map((p) => p.text)).toEqual(['Mở đầu', 'Chỉ có đoạn này là thật.']);
  });

  it('skips truncated and random-byte files of each format with a reason', async () => {
    const docx = makeDocx({ paragraphs: [{ text: 'Một đoạn văn.' }] });
    const pdf = await makePdf([wrapLines(['Một đoạn văn bản ngắn.'], { x: 50, top: 700 })]);
    let seed = 7;
    const random = new Uint8Array(4096).map(() => (seed = (seed * 1103515245 + 12345) >>> 0) & 0xff);
    for (const [name, bytes] of [
      ['cut.docx', docx.subarray(0, docx.length >> 1)],
      ['cut.epub', makeEpub({ title: 't', author: 'a', lang: 'vi', chapters: [{ title: 'c', paragraphs: ['p'] }] }).subarray(0, 200)],
      ['cut.pdf', pdf.subarray(0, 300)],
      ['noise.docx', random],
      ['noise.pdf', random],
      ['noise.epub', random],
      ['noise.mhtml', random],
    ] as const) {
      const r = await readAs(name, bytes);
      expect('reason' in r, name).toBe(true);
      expect((r as { message: string }).message.length, name).toBeGreaterThan(5);
    }
  });

  it('survives deep nesting inside a Word document and a book chapter', async () => {
    const depth = 20_000;
    const good = new ZipReader(makeDocx({ paragraphs: [{ text: 'x' }] }));
    const files: Record<string, Uint8Array> = {};
    for (const n of good.names()) files[n] = good.read(n)!;
    const nested = `${'<w:sdt><w:sdtContent>'.repeat(depth)}<w:p><w:r><w:t>Sâu</w:t></w:r></w:p>${'</w:sdtContent></w:sdt>'.repeat(depth)}`;
    files['word/document.xml'] = strToU8(`<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${nested}</w:body></w:document>`);
    const docx = await readAs('deep.docx', zipSync(files));
    // Either read (the text kept) or refused with a reason: never a crash, never a hang.
    if ('version' in docx) expect(docx.version.paragraphs.map((p) => p.text)).toEqual(['Sâu']);
    else expect(docx.reason).toBe('parse-error');
    const book = makeEpub({ title: 'Sâu', author: 'a', lang: 'vi', chapters: [{ title: 'c', paragraphs: [] }] });
    const b = new ZipReader(book);
    const bf: Record<string, Uint8Array> = {};
    for (const n of b.names()) bf[n] = b.read(n)!;
    bf['OEBPS/text/chap1.xhtml'] = strToU8(`<html><body>${'<div>'.repeat(depth)}<p>Đoạn ở rất sâu.</p>${'</div>'.repeat(depth)}</body></html>`);
    const epub = await readAs('deep.epub', zipSync(bf));
    expect('version' in epub ? epub.version.paragraphs.map((p) => p.text) : epub).toContain('Đoạn ở rất sâu.');
  });

  it('keeps reading the rest of the library around broken containers', async () => {
    const root = join(dir, 'lib');
    mkdirSync(root);
    writeFileSync(join(root, 'bomb.docx'), bombDocx(60 * 1024 * 1024));
    writeFileSync(join(root, 'noise.pdf'), new Uint8Array(2048).fill(0x25));
    writeFileSync(join(root, 'good.docx'), makeDocx({ title: 'Bài tốt', paragraphs: [{ text: 'Bài này đọc được bình thường, không có gì lạ.' }] }));
    const lib = await Library.open({ root, dataDir: join(dir, 'lib-data') });
    try {
      expect(lib.articles().map((a) => a.versions[0]?.title)).toEqual(['Bài tốt']);
      expect(lib.status().skipped.map((s) => [s.path, s.reason]).sort()).toEqual([['bomb.docx', 'too-large'], ['noise.pdf', 'parse-error']]);
    } finally {
      await lib.close();
    }
  });
});
