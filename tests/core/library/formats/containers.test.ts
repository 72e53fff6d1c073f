/**
 * .mhtml, .docx, .epub and .pdf read into articles: metadata, clean bodies in order, legacy
 * fonts, chapters, columns, running headers. Fixtures are generated from our own short texts
 * (tests/fixtures/formats/make.ts).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readParsedFile, type ParsedFile } from '../../../../src-main/core/library/read-file';
import type { SkippedFile } from '../../../../src-main/shared/types';
import { asTcvn3FontText, asVniFontText, makeDocx, makeEpub, makeMhtml, makePdf, makeScannedPdf, wrapLines } from '../../../fixtures/formats/make';

const dir = mkdtempSync(join(tmpdir(), 'folio-formats-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function read(name: string, bytes: Uint8Array): Promise<ParsedFile | SkippedFile> {
  writeFileSync(join(dir, name), bytes);
  return readParsedFile(join(dir, name), name);
}
async function version(name: string, bytes: Uint8Array) {
  const r = await read(name, bytes);
  if (!('version' in r)) throw new Error(`${name} was skipped: ${r.message}`);
  return r.version;
}
const texts = (v: { paragraphs: { text: string }[] }): string[] => v.paragraphs.map((p) => p.text);

describe('.mhtml (saved single-file pages)', () => {
  const page = (body: string) =>
    `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Chợ nổi Cái Răng đón khách sớm</title>` +
    `<meta property="og:site_name" content="Báo Miền Tây"></head><body><nav><a href="/">Trang chủ</a> <a href="/xa-hoi">Xã hội</a></nav>` +
    `<article><h1>Chợ nổi Cái Răng đón khách sớm</h1>${body}</article><footer>© Báo Miền Tây. Giấy phép số 12/GP.</footer></body></html>`;
  const body =
    '<p>Từ bốn giờ sáng, hàng trăm ghe thuyền đã neo trên sông, treo những cây bẹo báo hiệu món hàng mình bán cho khách từ xa nhìn thấy.</p>' +
    '<p>Du khách đi xuồng nhỏ len giữa các ghe, mua trái cây và ăn tô hủ tiếu nóng ngay trên mặt nước, giữa tiếng máy nổ và tiếng rao.</p>' +
    '<p>Chính quyền địa phương cho biết lượng khách năm nay tăng gần gấp đôi, nhờ các tour đêm và chương trình giữ gìn văn hóa sông nước.</p>';

  it('reads a quoted-printable UTF-8 page through the HTML path', async () => {
    const v = await version('cho-noi.mhtml', makeMhtml({ url: 'https://mientay.example.vn/cho-noi.html', subject: 'Chợ nổi Cái Răng đón khách sớm', html: page(body) }));
    expect(v.format).toBe('mhtml');
    expect(v.title).toBe('Chợ nổi Cái Răng đón khách sớm');
    expect(v.lang).toBe('vi');
    expect(v.source).toBe('Báo Miền Tây');
    expect(texts(v)[0]).toMatch(/^Từ bốn giờ sáng, hàng trăm ghe thuyền/);
    expect(texts(v).join('\n')).not.toMatch(/Trang chủ|Giấy phép/);
  });

  it('decodes a base64 part in its declared legacy charset (Windows-1258)', async () => {
    const v = await version('cho-noi-1258.mht', makeMhtml({ url: 'https://mientay.example.vn/cho-noi.html', subject: 'Chợ nổi', html: page(body).replace('utf-8', 'windows-1258'), charset: 'windows-1258', encoding: 'base64' }));
    expect(v.encoding).toBe('windows-1258');
    expect(texts(v)[1]).toBe('Du khách đi xuồng nhỏ len giữa các ghe, mua trái cây và ăn tô hủ tiếu nóng ngay trên mặt nước, giữa tiếng máy nổ và tiếng rao.');
  });

  it('skips a file with no HTML part, saying so', async () => {
    const r = await read('not-a-page.mhtml', Buffer.from('MIME-Version: 1.0\r\nContent-Type: text/plain\r\n\r\nxin chào\r\n', 'latin1'));
    expect(r).toMatchObject({ reason: 'parse-error' });
  });
});

describe('.docx (Word documents)', () => {
  it('keeps headings, lists, footnotes and the document properties', async () => {
    const v = await version('bao-cao.docx', makeDocx({
      title: 'Báo cáo sơ kết công tác dân vận quý I',
      author: 'Văn phòng Đảng ủy xã',
      created: '2025-04-02T09:30:00Z',
      paragraphs: [
        { text: 'Kết quả nổi bật', style: 'Heading1' },
        { text: 'Trong quý, các đoàn thể đã vận động nhân dân hiến hơn hai nghìn mét vuông đất làm đường giao thông nông thôn.', footnote: 'Số liệu do Ban Dân vận tổng hợp đến ngày 31/3.' },
        { text: 'Hoàn thành ba tuyến đường bê tông', list: true },
        { text: 'Sửa chữa hai cây cầu dân sinh', list: true },
        { text: 'Nhiệm vụ quý II', style: 'Heading1' },
        { text: 'Tiếp tục phát huy vai trò của tổ tự quản, đối thoại định kỳ với người dân về các công trình công cộng.' },
      ],
    }));
    expect(v.format).toBe('docx');
    expect(v.title).toBe('Báo cáo sơ kết công tác dân vận quý I');
    expect(v.author).toBe('Văn phòng Đảng ủy xã');
    expect(v.date).toBe('2025-04-02T09:30:00');
    expect(v.lang).toBe('vi');
    expect(v.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Kết quả nổi bật'],
      ['paragraph', 'Trong quý, các đoàn thể đã vận động nhân dân hiến hơn hai nghìn mét vuông đất làm đường giao thông nông thôn.[1]'],
      ['list-item', 'Hoàn thành ba tuyến đường bê tông'],
      ['list-item', 'Sửa chữa hai cây cầu dân sinh'],
      ['heading', 'Nhiệm vụ quý II'],
      ['paragraph', 'Tiếp tục phát huy vai trò của tổ tự quản, đối thoại định kỳ với người dân về các công trình công cộng.'],
      ['paragraph', '[1] Số liệu do Ban Dân vận tổng hợp đến ngày 31/3.'],
    ]);
  });

  it('decodes Vietnamese typed in TCVN3 fonts (.VnTime), run by run and by the default style', async () => {
    const legacy = 'Hội nghị tổng kết phong trào thi đua yêu nước năm nay diễn ra trang trọng tại hội trường huyện.';
    const v = await version('cu.docx', makeDocx({
      paragraphs: [
        { text: asTcvn3FontText('Thông báo kết quả hội nghị'), font: '.VnTimeH', style: 'Heading1' },
        { text: asTcvn3FontText(legacy), font: '.VnTime' },
        { text: 'Đoạn này đã gõ bằng Unicode và phải giữ nguyên như cũ.', font: 'Times New Roman' },
      ],
    }));
    expect(texts(v)).toEqual(['Hội nghị tổng kết phong trào thi đua yêu nước năm nay diễn ra trang trọng tại hội trường huyện.', 'Đoạn này đã gõ bằng Unicode và phải giữ nguyên như cũ.']);
    expect(v.title).toBe('Thông báo kết quả hội nghị');
    const vni = await version('vni.docx', makeDocx({ paragraphs: [{ text: asVniFontText(legacy), font: 'VNI-Times' }] }));
    expect(texts(vni)).toEqual([legacy]);
    const byDefault = await version('cu-mac-dinh.docx', makeDocx({ defaultFont: '.VnTime', paragraphs: [{ text: asTcvn3FontText(legacy) }] }));
    expect(texts(byDefault)).toEqual([legacy]);
  });
});

describe('.epub (books)', () => {
  it('is one article with its chapters as sections, metadata from the OPF', async () => {
    const v = await version('song-nuoc.epub', makeEpub({
      title: 'Chuyện sông nước miền Tây', author: 'Lâm Thu Hà', lang: 'vi', date: '2023-09-15',
      chapters: [
        { title: 'Chương 1. Mùa nước nổi', paragraphs: ['Tháng tám, nước từ thượng nguồn đổ về, phủ trắng những cánh đồng vừa gặt.', 'Trẻ con theo cha đi giăng lưới, bắt cá linh non về kho với bông điên điển.'] },
        { title: 'Chương 2. Phiên chợ trên sông', paragraphs: ['Chợ họp từ lúc trời còn tối, ghe nào cũng treo cây bẹo trên mũi.'] },
      ],
    }));
    expect(v.format).toBe('epub');
    expect(v.title).toBe('Chuyện sông nước miền Tây');
    expect(v.author).toBe('Lâm Thu Hà');
    expect(v.date).toBe('2023-09-15');
    expect(v.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['heading', 'Chương 1. Mùa nước nổi'],
      ['paragraph', 'Tháng tám, nước từ thượng nguồn đổ về, phủ trắng những cánh đồng vừa gặt.'],
      ['paragraph', 'Trẻ con theo cha đi giăng lưới, bắt cá linh non về kho với bông điên điển.'],
      ['heading', 'Chương 2. Phiên chợ trên sông'],
      ['paragraph', 'Chợ họp từ lúc trời còn tối, ghe nào cũng treo cây bẹo trên mũi.'],
    ]);
  });
});

describe('.pdf (text layer)', () => {
  const paras = [
    'Farmers in the delta are switching from a third rice crop to shrimp and fruit, trading steady yields for higher prices and more risk.',
    'Local officials say the change eases pressure on the soil, which floods no longer renew with silt now that dykes hold the water back.',
  ];
  it('rebuilds paragraphs, joins hyphenated words, drops running headers and page numbers, reads metadata', async () => {
    const header = (n: number) => [{ text: 'Delta Review · Spring issue', x: 50, y: 810, size: 8 }, { text: `Page ${n} of 2`, x: 270, y: 30, size: 8 }];
    const bytes = await makePdf(
      [
        [...header(1), { text: 'Rice gives way to shrimp', x: 50, y: 760, size: 18 }, ...wrapLines(paras, { x: 50, top: 720 }),
          { text: 'Some growers fear the new farming is unsus-', x: 50, y: 560 }],
        [...header(2), { text: 'tainable if prices fall, and keep one rice crop.', x: 50, y: 760 }, { text: 'Water and the future', x: 50, y: 720, size: 16 },
          ...wrapLines(['Engineers propose letting some fields flood again each autumn.'], { x: 50, top: 690 })],
      ],
      { title: 'Rice gives way to shrimp', author: 'Mai Tran', created: new Date(2024, 4, 6, 7, 8, 9) },
    );
    const v = await version('delta.pdf', bytes);
    expect(v.format).toBe('pdf');
    expect(v.title).toBe('Rice gives way to shrimp');
    expect(v.author).toBe('Mai Tran');
    expect(v.lang).toBe('en');
    expect(v.paragraphs.map((p) => [p.kind, p.text])).toEqual([
      ['paragraph', paras[0]],
      ['paragraph', paras[1]],
      ['paragraph', 'Some growers fear the new farming is unsustainable if prices fall, and keep one rice crop.'],
      ['heading', 'Water and the future'],
      ['paragraph', 'Engineers propose letting some fields flood again each autumn.'],
    ]);
  });

  it('reads two columns left before right', async () => {
    const left = ['Bên trái là cột thứ nhất của trang, kể chuyện người trồng lúa ở vùng đất phèn.', 'Họ đào kênh nhỏ dẫn nước ngọt vào ruộng để rửa phèn mỗi mùa mưa.'];
    const right = ['Bên phải là cột thứ hai, nói về những vườn cây trái trên đất giồng cát.', 'Nhà vườn ghép giống mới để trái chín rải rác quanh năm.'];
    const bytes = await makePdf([[...wrapLines(left, { x: 40, top: 780, chars: 40, size: 10 }), ...wrapLines(right, { x: 310, top: 780, chars: 40, size: 10 })]]);
    const v = await version('hai-cot.pdf', bytes);
    expect(texts(v)).toEqual([...left, ...right]);
  });

  it('lists a PDF without a text layer as skipped, "no text layer"', async () => {
    expect(await read('scan.pdf', await makeScannedPdf())).toMatchObject({ reason: 'no-text', message: expect.stringMatching(/no text layer/) });
  });
});
