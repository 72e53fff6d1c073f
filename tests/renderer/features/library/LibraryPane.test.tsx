/**
 * A filter switch applies at once, even while a newly arrived whole list is still being ranked
 * by title in slices (the list then shows the rows it could rank, filtered): it used to keep
 * showing the old unfiltered rows until the ranking of 50,000 titles ended.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, cleanup, render } from '@testing-library/react';
import { defaultSettings } from '@shared/settings';
import type { ArticleSummary } from '@shared/types';

vi.mock('../../../../src-renderer/lib/api', () => import('../../support/fake-api'));
const { useFolio } = await import('../../../../src-renderer/app/store');
const { LibraryPane } = await import('../../../../src-renderer/features/library/LibraryPane');

afterEach(cleanup);

/** Article `i`: one in five a VI+EN pair, titles all different (each one needs a rank). */
const summary = (i: number): ArticleSummary => ({ id: `a${i}`, title: `Bài ${i} về mùa lúa`, date: `2024-01-${String(1 + (i % 28)).padStart(2, '0')}`, source: null, author: null, langs: i % 5 === 0 ? ['vi', 'en'] : ['vi'], tags: [], path: `${i}.txt`, annotationCount: 0, lastReadAt: null });
const status = (count: number) => ({ root: '/l', dataDir: '/d', progress: { phase: 'ready' as const, done: count, total: count }, articleCount: count, pairCount: 0, skipped: [] });
const footer = (container: HTMLElement) => container.querySelector('.pane-footer')?.textContent;

beforeEach(() => {
  useFolio.setState({ settings: defaultSettings(), filter: { lang: null, tag: null }, query: '', hits: null, selectedId: null });
});

describe('LibraryPane while a large list is ranked', () => {
  it('applies a language filter at once to the rows it can rank', async () => {
    const first = Array.from({ length: 500 }, (_, i) => summary(i));
    useFolio.setState({ articles: first, listComplete: false, status: status(6_000) });
    const { container } = render(<LibraryPane />);
    expect(footer(container)).toBe('Loading the list: 500 of 6000 articles');
    // The rest arrives: 5,500 new titles are ranked in slices, in later turns.
    act(() => useFolio.setState({ articles: Array.from({ length: 6_000 }, (_, i) => summary(i)), listComplete: true }));
    act(() => useFolio.getState().setFilter({ lang: 'pair', tag: null }));
    // At once: the pairs among the rows already ranked (one in five of the first 500).
    expect(footer(container)).toBe('Loading the list: 100 of 6000 articles');
    // Once all are ranked, the whole list, filtered: one in five of 6,000 articles.
    await vi.waitFor(() => expect(footer(container)).toBe('1200 / 6000 articles'), { timeout: 20_000 });
  });

  it('shows the first rows of a filter from the server when the rows loaded so far hold none', () => {
    // The newest 500 rows are all Vietnamese only; the pairs are older.
    const first = Array.from({ length: 500 }, (_, i) => ({ ...summary(i), langs: ['vi' as const] }));
    useFolio.setState({ articles: first, listComplete: false, status: status(6_000), filter: { lang: 'pair', tag: null }, filterHeads: {} });
    const { container } = render(<LibraryPane />);
    expect(footer(container)).toBe('Loading the list: 0 of 6000 articles');
    act(() => useFolio.setState({ filterHeads: { pair: [summary(1000), summary(1005)] } }));
    expect(footer(container)).toBe('Loading the list: 2 of 6000 articles');
  });
});
