/** One test per failure class of issue 12, on short pages written for the test. */
import { describe, expect, it } from 'vitest';
import { parseScrapedText, explainScrapedText } from '../../../src-main/core/library/parse/scraped-text';
import { parseHtml } from '../../../src-main/core/library/parse/html';
import { parseMarkdown } from '../../../src-main/core/library/parse/markdown';
import { matchDateLine, parseVietnameseDate } from '../../../src-main/core/library/parse/vietnamese-date';
import { isCaptionLine } from '../../../src-main/core/library/parse/boilerplate';

const P1 = 'Sáng nay, hội nông dân xã đã tổ chức lớp tập huấn về cách ủ phân hữu cơ từ rơm rạ cho gần một trăm hộ trồng lúa trong vùng.';
const P2 = 'Các hộ tham gia được phát men vi sinh miễn phí và sẽ được cán bộ khuyến nông đến tận ruộng hướng dẫn trong suốt vụ mùa tới.';
const E1 = 'The ferry between the two islands resumed its daily service on Monday after a month of repairs to its engine and the landing ramp.';
const E2 = 'Residents had been relying on fishing boats to reach the clinic and the market on the larger island during the closure.';
const page = (...lines: string[]): string => lines.join('\n');
const texts = (a: { paragraphs: { text: string }[] }): string[] => a.paragraphs.map((p) => p.text);

describe('1. date lines with Vietnamese words', () => {
  it.each([
    ['Thứ Tư, 05-11-2025, 07:45', '2025-11-05T07:45:00'],
    ['Thứ tư, 5/11/2025, 07:45 (GMT+7)', '2025-11-05T07:45:00'],
    ['Chủ nhật, 09/11/2025 - 18:02', '2025-11-09T18:02:00'],
    ['Ngày đăng: 05/11/2025 | Lượt xem: 2.310', '2025-11-05'],
    ['Cập nhật lúc 07:45, ngày 05/11/2025', '2025-11-05T07:45:00'],
    ['Đăng lúc: 07:45 - 05/11/2025', '2025-11-05T07:45:00'],
    ['Update: November, 05/2025 - 07:45', '2025-11-05T07:45:00'],
    ['Posted on 5 November 2025 at 7:45 pm', '2025-11-05T19:45:00'],
  ])('%s is a date line: %s', (line, iso) => {
    expect(matchDateLine(line)?.date).toBe(iso);
  });
  it('a weekday date line above the headline never becomes the title', () => {
    const a = parseScrapedText(page('Thứ Tư, 05-11-2025, 07:45', 'Nông dân học cách ủ phân từ rơm rạ', P1, P2));
    expect(a.title).toBe('Nông dân học cách ủ phân từ rơm rạ');
    expect(a.date).toBe('2025-11-05T07:45:00');
    expect(texts(a)).toEqual([P1, P2]);
  });
  it('a sentence with a date in it is not a date line', () => {
    expect(matchDateLine('Ngày 05/11/2025, hội nông dân xã tổ chức lớp tập huấn.')).toBeNull();
    expect(parseVietnameseDate('Hà Nội, thứ tư 5/11/2025')).toBe('2025-11-05');
  });
});

describe('2. a timestamp appended to the headline', () => {
  it('goes to the date, not the title', () => {
    const a = parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ (07:45 05/11/2025)', P1, P2));
    expect(a.title).toBe('Nông dân học cách ủ phân từ rơm rạ');
    expect(a.date).toBe('2025-11-05T07:45:00');
  });
});

describe('3. one sentence-shaped line after the article', () => {
  it.each([
    ['a reader comment', 'Bài viết rất bổ ích, mong xã tổ chức thêm nhiều lớp như thế này nữa cho bà con.'],
    ['a please-cite notice', 'Đề nghị ghi rõ nguồn khi đăng tải lại thông tin từ trang này.'],
    ['a related headline ending in "?"', 'Vì sao nông dân vẫn đốt rơm rạ ngoài đồng sau mỗi vụ gặt?'],
  ])('%s does not stop the end-of-page cleanup', (_, line) => {
    const a = parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ', '05/11/2025 07:45', P1, P2, 'Hoài Thu', 'Tags: nông nghiệp, phân bón', 'Quay lại Nông nghiệp', 'Đã sao chép liên kết', line, 'Xem thêm bình luận', 'Địa chỉ: 12 đường Hùng Vương', 'Điện thoại: 0123 456 789'));
    expect(texts(a)).toEqual([P1, P2]);
    expect(a.author).toBe('Hoài Thu');
  });
  it('a short last paragraph followed by a subheading-shaped line and more text stays', () => {
    const a = parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ', P1, 'Men Vi Sinh Mới', P2, 'Lớp học kết thúc lúc 11 giờ trưa.'));
    expect(texts(a)).toEqual([P1, 'Men Vi Sinh Mới', P2, 'Lớp học kết thúc lúc 11 giờ trưa.']);
  });
});

describe('4. bylines', () => {
  it('"Name (Outlet)" gives the name and the outlet as source', () => {
    const a = parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ', P1, P2, 'Hoài Thu (TTXVN)', 'Chia sẻ'));
    expect(a.author).toBe('Hoài Thu');
    expect(a.source).toBe('TTXVN');
  });
  it('"By Name  Month d, yyyy | hh:mm am GMT+7" gives the author and the date with its time', () => {
    const a = parseScrapedText(page('Ferry service resumes after repairs', 'By Tran Duc   November 3, 2025 | 09:20 am GMT+7', E1, E2));
    expect(a.author).toBe('Tran Duc');
    expect(a.date).toBe('2025-11-03T09:20:00');
    expect(texts(a)).toEqual([E1, E2]);
  });
  it('a name in capitals at the end is written in title case; an agency code is not a name', () => {
    expect(parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ', P1, P2, 'NGUYỄN HOÀI THU', 'Bình luận (0)')).author).toBe('Nguyễn Hoài Thu');
    const en = parseScrapedText(page('Ferry service resumes after repairs', E1, E2, 'VNS', 'Share', 'Other stories', 'Bridge to open next year', 'Port upgrade approved'));
    expect(en.author).toBeNull();
    expect(texts(en)).toEqual([E1, E2]);
  });
  it('an outlet named in the footer is not taken as the author', () => {
    const a = parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ', P1, P2, 'Chia sẻ', 'Tin cùng chuyên mục', 'Giá lúa tăng nhẹ đầu vụ', 'Báo Làng Quê Điện Tử', 'Tòa soạn: 5 Lê Lợi'));
    expect(a.author).toBeNull();
    expect(texts(a)).toEqual([P1, P2]);
  });
  it('saved HTML: JSON-LD author, closing bold paragraph, and [[wiki-link]] authors in front matter', () => {
    const ld = `<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","author":{"@type":"Person","name":"Tran Duc"},"datePublished":"2025-11-03T09:20:00+07:00"}]}</script>`;
    const a = parseHtml(`<html lang="en"><head>${ld}</head><body><article><h1>Ferry service resumes</h1><p>${E1}</p><p>${E2}</p></article></body></html>`);
    expect(a.author).toBe('Tran Duc');
    expect(a.date).toBe('2025-11-03T09:20:00');
    const b = parseHtml(`<html lang="en"><body><article><h1>Ferry service resumes</h1><p>${E1}</p><p>${E2}</p><p><strong>Tran Duc</strong></p></article></body></html>`);
    expect(b.author).toBe('Tran Duc');
    expect(b.paragraphs.map((p) => p.text)).toEqual([E1, E2]);
    expect(parseMarkdown('---\nauthor:\n  - "[[Tran Duc]]"\n  - "[[people/Le Hoa|Lê Hoa]]"\n---\nText.\n').meta.author).toBe('Tran Duc, Lê Hoa');
  });
});

describe('5. view counters, comment-form leftovers, bracketed link rows', () => {
  it('are dropped wherever they are', () => {
    const a = parseScrapedText(page('Nông dân học cách ủ phân từ rơm rạ', 'Lượt xem: 1.024', P1, P2, '[Trở về] [In trang] [Gửi bạn bè]', 'Ý kiến bạn đọc', 'Họ và tên (*)', 'Mã xác nhận', 'Gửi ý kiến'));
    expect(texts(a)).toEqual([P1, P2]);
    const rules = explainScrapedText(page('Tiêu đề bài viết về nông nghiệp', 'Views: 87', P1, '[Back] [Print]')).map((d) => d.rule);
    expect(rules).toContain('view-counter');
    expect(rules).toContain('link-row');
  });
});

describe('6. English captions', () => {
  it.each([
    'Passengers board the repaired ferry at dawn. Photo by Island Times/Tran Duc',
    'Passengers board the repaired ferry at dawn. — VNA/VNS Photo Minh Hoa',
    'Passengers board the repaired ferry at dawn (Photo courtesy of the port authority)',
  ])('%s', (line) => expect(isCaptionLine(line)).toBe(true));
  it('a body sentence mentioning a photo is not a caption', () => {
    expect(isCaptionLine('She keeps a photo of the old ferry on the wall of her shop, next to the timetable.')).toBe(false);
  });
});

describe('7. saved HTML: furniture inside the article container', () => {
  it('drops breadcrumb items, the date span, the byline paragraph and a newsletter box, and reads them', () => {
    const html = `<html lang="en"><body><article><ol><li><a href="/">Home</a></li><li><a href="/n">News</a></li></ol>
      <h1>Ferry service resumes</h1><span class="date">November 3, 2025, 09:20</span><p class="byline">By Tran Duc</p>
      <p>${E1}</p><div class="newsletter"><h3>Sign up for our newsletter</h3><p>The morning's news in your inbox.</p></div><p>${E2}</p></article></body></html>`;
    const a = parseHtml(html);
    expect(a.paragraphs.map((p) => p.text)).toEqual([E1, E2]);
    expect(a.author).toBe('Tran Duc');
    expect(a.date).toBe('2025-11-03T09:20:00');
  });
});

describe('8. front matter', () => {
  it('reads published: as the date (created: is the clip date, not the article date)', () => {
    const md = parseMarkdown('---\ntitle: Ferry\npublished: 2025-11-03T09:20:00+07:00\ncreated: 2025-12-01\n---\nText.\n');
    expect(md.meta.date).toBe('2025-11-03T09:20:00');
  });
});
