import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScrapedText, parseHtml, parseMarkdown, parseVietnameseDate, detectLanguage, pairVersions } from '../../../src-main/core/library/index';

const FIX = join(__dirname, '../../fixtures/library/scraped');
const read = (f: string): string => readFileSync(join(FIX, f), 'utf8');
const BOILERPLATE = /share this|facebook|related stories|council approves|all rights reserved|contact us|riverside courier|home \||tiếng việt \||trang chủ|chia sẻ|bình luận|họ tên|email|tin liên quan|dạy bơi|bản quyền|địa chỉ|đường dây nóng|lượt truy cập|xem thêm|nguồn:/i;

describe('parseScrapedText: an English news site', () => {
  const a = parseScrapedText(read('courier-library.txt'));
  it('recovers title, date, byline and caption', () => {
    expect(a.title).toBe('Riverside library reopens after a two-year restoration');
    expect(a.date).toBe('2021-03-03T08:15:00');
    expect(a.author).toBe('Jane Porter');
    expect(a.captions).toEqual(['Readers wait at the reopened entrance on Mill Street. Photo: Tom Ellis']);
  });
  it('keeps the body and drops the furniture', () => {
    const body = a.paragraphs.filter((p) => p.kind === 'paragraph');
    expect(body).toHaveLength(4);
    expect(body[0]?.text).toMatch(/^The old brick library/);
    for (const p of a.paragraphs) expect(p.text).not.toMatch(BOILERPLATE);
    expect(a.paragraphs.map((p) => p.index)).toEqual(a.paragraphs.map((_, i) => i));
  });
});

describe('parseScrapedText: a Vietnamese news site', () => {
  const a = parseScrapedText(read('dongque-giengnuoc.txt'));
  it('recovers title, date, byline, source and the doubled caption once', () => {
    expect(a.title).toBe('Làng Phú Hòa hoàn thành giếng nước sạch cho hơn ba trăm hộ dân');
    expect(a.date).toBe('2020-11-14T13:10:00');
    expect(a.author).toBe('Minh Thư - Quang Huy');
    expect(a.source).toBe('Báo Đồng Quê');
    expect(a.captions).toEqual(['Người dân thử vòi nước mới tại nhà văn hóa thôn. Ảnh: Minh Thư']);
  });
  it('drops switcher, breadcrumb, widgets, comment form, related list and footer', () => {
    expect(a.paragraphs.filter((p) => p.kind === 'paragraph')).toHaveLength(3);
    for (const p of a.paragraphs) expect(p.text).not.toMatch(BOILERPLATE);
  });
  it('reads "Ngày dd-mm-yyyy" date lines and "Theo X" bylines', () => {
    const b = parseScrapedText(read('dongque-cho.txt'));
    expect(b.date).toBe('2021-03-05');
    expect(b.author).toBe('Lan Anh');
    expect(b.title).toBe('Chợ nổi họp lại sau mùa nước lớn');
    for (const p of b.paragraphs) expect(p.text).not.toMatch(BOILERPLATE);
  });
  it('derives a title from a page that has no headline line, keeping the paragraph', () => {
    const text = 'Hợp tác xã rau sạch của xã vừa ký hợp đồng cung cấp rau cho ba siêu thị trong tỉnh, mở ra đầu ra ổn định cho hơn năm mươi hộ trồng rau. Đây là kết quả của hai năm chuẩn bị.\nCác hộ dân cho biết giá bán theo hợp đồng cao hơn giá bán cho thương lái khoảng mười phần trăm, lại được trả tiền đúng hạn.\nThanh Tâm';
    const r = parseScrapedText(text);
    expect(r.title.length).toBeLessThanOrEqual(121);
    expect(r.title.startsWith('Hợp tác xã rau sạch')).toBe(true);
    expect(r.paragraphs).toHaveLength(2);
    expect(r.author).toBe('Thanh Tâm');
  });
  it('removes lines listed as furniture of the site', () => {
    const r = parseScrapedText(read('courier-market.txt'), { furniture: new Set(['the first saturday market drew more than twice the usual crowd, and several bakers sold out of bread before ten o\'clock in the morning.']) });
    expect(r.paragraphs).toHaveLength(1);
  });
});

describe('parseVietnameseDate', () => {
  it.each([
    ['31/12/2020 - 20:31', '2020-12-31T20:31:00'],
    ['13:10 14/11/2020', '2020-11-14T13:10:00'],
    ['Ngày 12-10-2020', '2020-10-12'],
    ['2020-12-31', '2020-12-31'],
    ['31.12.2020', '2020-12-31'],
    ['Thứ Năm, 31/12/2020 20h31 (GMT+7)', '2020-12-31T20:31:00'],
    ['ngày 5 tháng 3 năm 2021', '2021-03-05'],
    ['December 31, 2020 8:31 PM', '2020-12-31T20:31:00'],
    ['31/02/2020', null],
  ])('%s -> %s', (input, iso) => expect(parseVietnameseDate(input)).toBe(iso));
});

describe('detectLanguage', () => {
  it('tells Vietnamese, English and unsure apart', () => {
    expect(detectLanguage('Người dân trong làng cùng nhau góp tiền xây thư viện cho các em nhỏ.')).toBe('vi');
    expect(detectLanguage('The villagers raised the money for the library themselves, one family at a time.')).toBe('en');
    expect(detectLanguage('OK')).toBe('und');
  });
});

describe('parseMarkdown', () => {
  it('reads front matter and block kinds, reducing inline markup to text', () => {
    const md = parseMarkdown('---\ntitle: Mùa lúa\ndate: 2021-09-01\nauthor: Lê Hoa\nsource: Tạp chí Đồng Bằng\nlang: vi\ntags: [lúa, mekong]\ntranslation: rice.en.md\n---\n# Mùa lúa\n\nĐoạn **đậm**, _nghiêng_, `mã` và [liên kết](https://example.org).\n\n## Phần hai\n\n- mục một\n- mục hai\n\n> trích dẫn\n\n```\nmã nguồn\n```\n');
    expect(md.meta).toEqual({ title: 'Mùa lúa', date: '2021-09-01', author: 'Lê Hoa', source: 'Tạp chí Đồng Bằng', lang: 'vi', tags: ['lúa', 'mekong'], translation: 'rice.en.md' });
    expect(md.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', 'Đoạn đậm, nghiêng, mã và liên kết.'],
      ['heading', 'Phần hai'],
      ['list-item', 'mục một'],
      ['list-item', 'mục hai'],
      ['quote', 'trích dẫn'],
      ['preformatted', 'mã nguồn'],
    ]);
  });
});

describe('parseHtml', () => {
  const hostile = `<!doctype html><html lang="en"><head><title>Harbour - Courier</title>
    <meta property="article:published_time" content="2021-06-01T09:05:00+07:00"><meta name="author" content="Ana Lima">
    <style>body{background:url(http://tracker.example/bg.png)}</style><script>window.STOLEN=1</script></head>
    <body onload="steal()"><nav><a href="/">Home</a> | <a href="/news">News</a></nav>
    <article><h1>Harbour wall repaired before the storm season</h1>
    <p>Workers finished repairing the old harbour wall on Monday, a week before the first autumn storms are expected to reach the coast and test the new stones.</p>
    <p onclick="steal()">The council said the repair <a href="javascript:steal()">came in under budget</a>. <img src="http://tracker.example/pixel.gif" onerror="steal()"></p>
    <script>document.write('INJECTED')</script><iframe src="http://evil.example/">IFRAME TEXT</iframe>
    <form action="http://evil.example/post">FORM TEXT<input name="q" value="FORM VALUE"></form>
    <object data="http://evil.example/x.swf">OBJECT TEXT</object><svg><script>SVG SCRIPT</script></svg>
    <figure><img src="http://tracker.example/photo.jpg"><figcaption>The repaired wall at low tide. Photo: Ana Lima</figcaption></figure>
    <ul><li>New stones on the seaward side</li><li>A wider walkway</li></ul><blockquote><p>It will hold for fifty years.</p></blockquote>
    <pre>tide  4.2 m</pre></article><footer>© 2021 Courier</footer></body></html>`;
  const doc = parseHtml(hostile);
  const everything = JSON.stringify(doc);
  it('keeps no script, handler, javascript: URL, frame, form, object or remote resource', () => {
    for (const bad of ['STOLEN', 'INJECTED', 'steal', 'javascript', 'IFRAME TEXT', 'FORM TEXT', 'FORM VALUE', 'OBJECT TEXT', 'SVG SCRIPT', 'tracker.example', 'evil.example', 'background', '<']) {
      expect(everything).not.toContain(bad);
    }
  });
  it('extracts metadata and typed blocks', () => {
    expect(doc.title).toBe('Harbour wall repaired before the storm season');
    expect(doc.date).toBe('2021-06-01T09:05:00');
    expect(doc.author).toBe('Ana Lima');
    expect(doc.lang).toBe('en');
    expect(doc.captions).toEqual(['The repaired wall at low tide. Photo: Ana Lima']);
    const kinds = doc.paragraphs.map((p) => p.kind);
    expect(kinds).toContain('list-item');
    expect(kinds).toContain('quote');
    expect(doc.paragraphs.find((p) => p.kind === 'preformatted')?.text).toBe('tide  4.2 m');
    expect(doc.paragraphs[1]?.text).toBe('The council said the repair came in under budget.');
  });
  it('survives extreme nesting and a huge single-line page', () => {
    const deep = parseHtml(`${'<div>'.repeat(20000)}deep text${'</div>'.repeat(20000)}`);
    expect(deep.paragraphs.map((p) => p.text)).toEqual(['deep text']);
    const huge = parseHtml(`<html><body><p>${'chữ '.repeat(2_500_000)}</p></body></html>`);
    expect(huge.paragraphs).toHaveLength(1);
  }, 120_000);
});

describe('pairVersions', () => {
  it('pairs by name suffix, by vi/en folders at any depth, and by translation link', () => {
    const groups = pairVersions([
      { path: 'rice.en.md', lang: 'en' },
      { path: 'rice.vi.md', lang: 'vi' },
      { path: 'x/vi/a.txt', lang: 'vi' },
      { path: 'x/en/a.txt', lang: 'en' },
      { path: 'notes/ban-dich.md', lang: 'en', translation: '../goc/bai.md' },
      { path: 'goc/bai.md', lang: 'vi' },
      { path: 'alone.txt', lang: 'vi' },
    ]);
    expect(groups).toEqual([
      ['alone.txt'],
      ['goc/bai.md', 'notes/ban-dich.md'],
      ['rice.vi.md', 'rice.en.md'],
      ['x/vi/a.txt', 'x/en/a.txt'],
    ]);
  });
});
