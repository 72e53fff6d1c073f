/**
 * The Export dialog opened with no article and no search: it offers the article picker (not an
 * empty, disabled "search results" choice), and on a large library the picker keeps few rows in
 * the DOM, narrows by title with diacritics optional, and keeps picks the filter hides.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { act, cleanup, fireEvent, render, within } from '@testing-library/react';
import type { ArticleSummary } from '@shared/types';

vi.mock('../../../../src-renderer/lib/api', () => import('../../support/fake-api'));
const fake = await import('../../support/fake-api');
const { default: i18n } = await import('../../../../src-renderer/lib/i18n');
const { useFolio } = await import('../../../../src-renderer/app/store');
const { ExportDialog } = await import('../../../../src-renderer/features/export/ExportDialog');
const { PICK_LIMIT } = await import('../../../../src-renderer/features/export/ArticlePicker');

const summary = (i: number, title: string): ArticleSummary => ({
  id: `a${i}`,
  title,
  date: null,
  source: null,
  author: null,
  langs: ['vi'],
  tags: [],
  path: `a${i}.txt`,
  annotationCount: 0,
  lastReadAt: null,
});

const library = [
  ...Array.from({ length: 3000 }, (_, i) => summary(i, `Bản tin số ${i}`)),
  summary(3000, 'Mùa lúa nổi ở An Giang'),
  summary(3001, 'Chợ nổi Cái Răng'),
];

beforeAll(async () => {
  await i18n.changeLanguage('vi');
});

/** The picker's checkboxes only (the PDF options have a checkbox of their own, "flatten highlights"). */
const picks = () => within(document.querySelector<HTMLElement>('.pick-list')!).getAllByRole('checkbox');

afterEach(() => {
  cleanup();
  fake.reset();
});

describe('ExportDialog', () => {
  it('opens on the article picker when nothing is open or searched, with a bounded list', () => {
    useFolio.setState({ article: null, hits: null, articles: library });
    const { getByRole, getByText } = render(<ExportDialog />);
    expect((getByRole('radio', { name: /Các bài đã chọn/ }) as HTMLInputElement).checked).toBe(true);
    expect(picks()).toHaveLength(PICK_LIMIT);
    expect(getByText(/Đang hiện 100 trên 3002 bài/)).toBeTruthy();
    expect((getByRole('button', { name: 'Xuất' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('narrows by title without diacritics and keeps a pick the filter hides', () => {
    useFolio.setState({ article: null, hits: null, articles: library });
    const { getByRole } = render(<ExportDialog />);
    const filter = getByRole('searchbox', { name: 'Lọc theo tiêu đề' });
    fireEvent.change(filter, { target: { value: 'lua noi' } });
    const boxes = picks();
    expect(boxes).toHaveLength(1);
    fireEvent.click(boxes[0]!);
    fireEvent.change(filter, { target: { value: 'cho noi' } });
    expect(picks()).toHaveLength(1);
    expect(getByRole('radio', { name: /Các bài đã chọn \(1\)/ })).toBeTruthy();
    expect((getByRole('button', { name: 'Xuất' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('exports the whole result set, not the pages loaded, and says when a huge one is cut', async () => {
    const hits = Array.from({ length: 50 }, (_, i) => ({ id: `a${i}`, title: `Bản tin số ${i}`, date: null, score: 1, lang: 'vi' as const, snippets: [] }));
    useFolio.setState({ article: null, hits, query: 'bản tin', searchTotal: 3000, searchApproximate: false, articles: library });
    const { getByRole, getByText } = render(<ExportDialog />);
    const ask = fake.next('searchIds');
    expect(ask.req).toEqual({ query: 'bản tin', prefix: true });
    await act(async () => {
      ask.resolve({ ids: Array.from({ length: 1000 }, (_, i) => `a${i}`), total: 3000 });
      await fake.settle();
    });
    expect((getByRole('radio', { name: 'Kết quả tìm kiếm (3000)' }) as HTMLInputElement).checked).toBe(true);
    expect(getByText(/Tìm kiếm này khớp 3\.000 bài, mỗi lần xuất tối đa 1\.000 bài/)).toBeTruthy();
    fireEvent.click(getByRole('button', { name: 'Xuất' }));
    const run = fake.next('exportPdf');
    expect((run.req as { ids: string[]; fileNameLang: string }).ids).toHaveLength(1000);
    expect((run.req as { fileNameLang: string }).fileNameLang).toBe('vi');
  });
});
