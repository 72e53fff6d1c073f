/**
 * The article's date in the PDF header reads as the app shows it, in the article's language
 * ("22 thg 4, 2023, 06:30" in a Vietnamese article, "22 Apr 2023, 06:30" in an English one), not
 * as ISO "2023-04-22 06:30". Read back with poppler's pdftotext.
 */
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { exportPdf } from '../../../../src-main/core/export/pdf/index';
import type { Article } from '../../../../src-main/shared/types';
import { version } from '../../../fixtures/export-pdf/articles';
import { HAS_PDFTOTEXT, PDF_SCREENSHOT_DIR, pdfToText, renderPng, squash } from './pdf-tools';

const FONTS = path.resolve('resources/fonts');
const NOW = new Date('2024-05-01T12:00:00Z');

const viArticle: Article = {
  id: 'ngay-vi',
  versions: [version('vi', 'Chợ nổi Cái Răng lúc bình minh', ['Ghe xuồng tụ về từ bốn giờ sáng, mỗi ghe treo món hàng mình bán lên cây bẹo.'], { date: '2023-04-22T06:30:00' })],
};
const enArticle: Article = {
  id: 'date-en',
  versions: [version('en', 'The floating market at dawn', ['Boats gather from four in the morning, each hanging what it sells from a tall pole.'], { date: '2023-09-02T18:05:00' })],
};
const dayOnly: Article = {
  id: 'ngay-khong-gio',
  versions: [version('vi', 'Mùa nước nổi', ['Nước lên chậm, đồng ruộng thành biển.'], { date: '2023-10-01' })],
};
const unknownLang: Article = {
  id: 'khong-ro',
  versions: [version('und', 'Ghi chép', ['Một đoạn ngắn.'], { date: '2023-04-22T06:30:00' })],
};

describe.skipIf(!HAS_PDFTOTEXT)('PDF header dates (read back with pdftotext)', () => {
  it('prints a Vietnamese article’s date the Vietnamese way, date before time', async () => {
    const bytes = await exportPdf([{ article: viArticle, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW });
    const text = squash(pdfToText(bytes, 1));
    expect(text).toContain('22 thg 4, 2023, 06:30 · Trần Thị Hương · Báo Sông Hồng');
    expect(text).not.toContain('2023-04-22');
    mkdirSync(PDF_SCREENSHOT_DIR, { recursive: true });
    renderPng(bytes, path.join(PDF_SCREENSHOT_DIR, 'header-date-vi'), 110);
  });

  it('prints an English article’s date the English way, on a 24-hour clock', async () => {
    const bytes = await exportPdf([{ article: enArticle, annotations: [] }], { lang: 'en', paper: 'a4', fontsDir: FONTS, now: NOW });
    const text = squash(pdfToText(bytes, 1));
    expect(text).toContain('2 Sept 2023, 18:05 · Tran Thi Huong · Báo Sông Hồng');
    expect(text).not.toContain('2023-09-02');
  });

  it('prints a day without a time as a day, and an article of unknown language in the labels’ language', async () => {
    const day = squash(pdfToText(await exportPdf([{ article: dayOnly, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW }), 1));
    expect(day).toContain('1 thg 10, 2023 · ');
    const und = squash(pdfToText(await exportPdf([{ article: unknownLang, annotations: [] }], { lang: 'vi', paper: 'a4', fontsDir: FONTS, now: NOW, labels: 'en' }), 1));
    expect(und).toContain('22 Apr 2023, 06:30 · ');
  });

  it('prints each article of a bilingual pair in its own language', async () => {
    const pair: Article = { id: 'cap', versions: [viArticle.versions[0]!, { ...enArticle.versions[0]!, date: '2023-04-22T06:30:00' }] };
    const text = squash(pdfToText(await exportPdf([{ article: pair, annotations: [] }], { lang: 'both', paper: 'a4', fontsDir: FONTS, now: NOW }), 1));
    expect(text).toContain('22 thg 4, 2023, 06:30');
    expect(text).toContain('22 Apr 2023, 06:30');
  });
});
