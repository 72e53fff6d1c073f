/**
 * The virtualised list's per-render cost does not grow with the library: re-rendering a list of
 * 20,000 articles (as every scroll frame does) reads only the rows it shows, not every article.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from '@testing-library/react';
import type { ArticleSummary } from '@shared/types';
import { ArticleList } from '../../../../src-renderer/features/library/ArticleList';

afterEach(cleanup);

const COUNT = 20_000;

/** An article list that counts how many of its rows are read. */
function countingList(): { list: ArticleSummary[]; reads: () => number; reset: () => void } {
  const rows: ArticleSummary[] = Array.from({ length: COUNT }, (_, i) => ({ id: `a${i}`, title: `Bài ${i} về mùa lúa`, date: null, source: null, author: null, langs: ['vi'], tags: [], path: `${i}.txt`, annotationCount: 0, lastReadAt: null }));
  let reads = 0;
  const list = new Proxy(rows, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { list, reads: () => reads, reset: () => (reads = 0) };
}

describe('ArticleList at 20,000 articles', () => {
  it('renders few rows, and a re-render reads only the rows in view', () => {
    const { list, reads, reset } = countingList();
    const onOpen = () => undefined;
    const { container, rerender } = render(<ArticleList articles={list} selectedId="a19999" onOpen={onOpen} />);
    expect(container.querySelectorAll('[role="option"]').length).toBeLessThan(100);
    reset();
    // What a scroll frame or a store update does: the same list, rendered again.
    rerender(<ArticleList articles={list} selectedId="a19999" onOpen={() => undefined} />);
    rerender(<ArticleList articles={list} selectedId="a19999" onOpen={() => undefined} />);
    expect(reads()).toBeLessThan(500);
  });
});
