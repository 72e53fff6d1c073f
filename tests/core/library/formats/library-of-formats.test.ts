/**
 * A library holding one file of each container format, and a Vietnamese .docx paired with its
 * English .pdf, used through the API handlers both transports call: listed, paired, searched,
 * highlighted, re-anchored after the file changes, exported to PDF and Markdown.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FolioSession } from '../../../../src-main/core/session';
import { createHandlers } from '../../../../src-main/api/handlers';
import { call, type Handlers } from '../../../../src-main/api/dispatch';
import { articleText } from '../../../../src-main/shared/text';
import { makeDocx, makeEpub, makeMhtml, makePdf, wrapLines } from '../../../fixtures/formats/make';
import { pdfToText, HAS_PDFTOTEXT } from '../../export/pdf/pdf-tools';

const VI = [
  'Mùa khô năm nay, nước mặn xâm nhập sâu hơn bốn mươi cây số vào các cửa sông.',
  'Nông dân chủ động trữ nước ngọt trong ao và chuyển sang giống lúa chịu mặn.',
];
const EN = [
  'This dry season, salt water reached more than forty kilometres up the river mouths.',
  'Farmers stored fresh water in ponds and switched to salt-tolerant rice varieties.',
];

let base: string;
let session: FolioSession;
let h: Handlers;

async function viDocx(paragraphs: string[]): Promise<Uint8Array> {
  return makeDocx({ title: 'Hạn mặn ở đồng bằng', author: 'Phạm Minh', created: '2024-03-10T07:00:00Z', paragraphs: paragraphs.map((text) => ({ text })) });
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'folio-formats-lib-'));
  const root = join(base, 'lib');
  const { mkdirSync } = await import('node:fs');
  mkdirSync(root);
  writeFileSync(join(root, 'han-man.vi.docx'), await viDocx(VI));
  writeFileSync(join(root, 'han-man.en.pdf'), await makePdf([[{ text: 'Salt water in the delta', x: 50, y: 780, size: 18 }, ...wrapLines(EN, { x: 50, top: 740 })]], { title: 'Salt water in the delta', author: 'Pham Minh' }));
  writeFileSync(join(root, 'trang-luu.mhtml'), makeMhtml({
    url: 'https://tin.example.vn/ca-phe.html', subject: 'Hợp tác xã cà phê',
    html: '<html lang="vi"><head><meta charset="utf-8"><title>Hợp tác xã cà phê sạch</title></head><body><article><h1>Hợp tác xã cà phê sạch</h1><p>Hơn ba mươi hộ ở xã vùng cao góp vốn mua máy rang, bán cà phê đóng gói với giá cao gấp đôi.</p><p>Mỗi hộ cam kết không dùng thuốc diệt cỏ trên nương của mình.</p></article></body></html>',
  }));
  writeFileSync(join(root, 'sach.epub'), makeEpub({ title: 'Ghi chép về làng nghề', author: 'Đỗ Lan', lang: 'vi', chapters: [{ title: 'Làng gốm', paragraphs: ['Lò gốm đỏ lửa suốt đêm trước phiên chợ rằm.'] }, { title: 'Làng dệt', paragraphs: ['Tiếng khung cửi vang từ đầu ngõ đến cuối xóm.'] }] }));
  session = await FolioSession.open({ libraryRoot: root, dataDir: join(base, 'data'), watch: false });
  h = createHandlers(() => session, { transport: 'web', version: '0.0.0-test' });
  await session.searchReady;
});
afterAll(async () => {
  await session?.close();
  rmSync(base, { recursive: true, force: true });
});

describe('a library of .docx, .pdf, .mhtml and .epub files', () => {
  it('lists every file with its title and pairs the .docx with its .pdf translation', async () => {
    const list = await call(h, 'listArticles', {});
    expect(list.map((a) => [a.title, a.langs.join('+')]).sort()).toEqual([
      ['Ghi chép về làng nghề', 'vi'],
      ['Hạn mặn ở đồng bằng', 'vi+en'],
      ['Hợp tác xã cà phê sạch', 'vi'],
    ]);
    expect(await call(h, 'listSkipped', {})).toEqual([]);
  });

  it('finds words inside each format, with or without diacritics', async () => {
    const list = await call(h, 'listArticles', {});
    const idOf = (path: string): string => list.find((a) => a.path === path)!.id;
    for (const [query, path, lang] of [['cay so cua song', 'han-man.vi.docx', 'vi'], ['salt-tolerant', 'han-man.vi.docx', 'en'], ['máy rang', 'trang-luu.mhtml', 'vi'], ['khung cửi', 'sach.epub', 'vi']] as const) {
      const hits = await call(h, 'search', { query });
      expect([hits[0]?.id, hits[0]?.lang], query).toEqual([idOf(path), lang]);
    }
  });

  it('anchors a highlight in the PDF translation, re-anchors it after the .docx changes, and exports both', async () => {
    const pair = (await call(h, 'listArticles', {})).find((a) => a.langs.length === 2)!;
    const article = await call(h, 'getArticle', { id: pair.id });
    const en = articleText(article.versions.find((v) => v.lang === 'en')!.paragraphs);
    const start = en.indexOf('salt-tolerant rice');
    const made = await call(h, 'createHighlight', { articleId: pair.id, lang: 'en', start, end: start + 'salt-tolerant rice'.length, note: 'giống lúa chịu mặn' });
    expect(made.target?.quote.exact).toBe('salt-tolerant rice');
    const vi = articleText(article.versions.find((v) => v.lang === 'vi')!.paragraphs);
    const vs = vi.indexOf('giống lúa chịu mặn');
    const viMade = await call(h, 'createHighlight', { articleId: pair.id, lang: 'vi', start: vs, end: vs + 'giống lúa chịu mặn'.length });

    // The Word file gains a paragraph in front: the highlight follows its words.
    writeFileSync(join(session.library.root, 'han-man.vi.docx'), await viDocx(['Bài viết được cập nhật sau chuyến đi thực tế.', ...VI]));
    await call(h, 'rescan', {});
    const anchored = (await call(h, 'listAnnotations', { articleId: pair.id })).find((a) => a.id === viMade.id)!;
    expect(anchored.orphaned).toBe(false);
    const now = articleText((await call(h, 'getArticle', { id: pair.id })).versions.find((v) => v.lang === 'vi')!.paragraphs);
    const pos = anchored.target!.position;
    expect(now.slice(pos.start, pos.end)).toBe('giống lúa chịu mặn');

    const pdf = await call(h, 'exportPdf', { ids: [pair.id], lang: 'both', layout: 'side-by-side', paper: 'a4' });
    const bytes = Buffer.from(pdf.base64, 'base64');
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    if (HAS_PDFTOTEXT) expect(pdfToText(bytes).replace(/\s+/g, ' ')).toContain('salt-tolerant');
    const md = Buffer.from((await call(h, 'exportMarkdown', { ids: [pair.id] })).base64, 'base64').toString('utf8');
    expect(md).toContain('salt-tolerant rice');
    expect(md).toContain('giống lúa chịu mặn');
  });

  it('shows extracted text as the "original" of a Word file, and the page HTML of a saved page', async () => {
    const list = await call(h, 'listArticles', {});
    const saved = list.find((a) => a.path === 'trang-luu.mhtml')!;
    expect((await call(h, 'getRawText', { id: saved.id })).text).toContain('<h1>Hợp tác xã cà phê sạch</h1>');
    const pair = list.find((a) => a.langs.length === 2)!;
    expect((await call(h, 'getRawText', { id: pair.id, lang: 'vi' })).text).toContain('Nông dân chủ động trữ nước ngọt');
  });
});
