/** Search marks: titles are marked from their ranges, and clearing the search clears the reader's marks. */
import { describe, expect, it, vi } from 'vitest';
import { fireEvent, render } from '@testing-library/react';
import { SearchResults } from '../../../../src-renderer/features/search/SearchResults';
import { useFolio } from '../../../../src-renderer/app/store';
import type { SearchHit } from '../../../../src-main/shared/types';

const hit: SearchHit = {
  id: 'a1',
  title: 'Ngọn hải đăng',
  titleRanges: [[5, 8], [9, 13]],
  date: null,
  score: 1,
  lang: 'vi',
  snippets: [{ lang: 'vi', paragraph: 0, text: 'Bài viết về biển đảo.', ranges: [] }],
};

describe('search marks in the renderer', () => {
  it('marks the matched words of a title', () => {
    const { container } = render(<SearchResults query="hải đăng" hits={[hit]} total={1} onOpen={() => undefined} />);
    expect([...container.querySelectorAll('.article-title mark')].map((m) => m.textContent)).toEqual(['hải', 'đăng']);
  });

  it('shows the total, a more-results button while pages remain, and notes that matched', () => {
    const noteHit: SearchHit = { ...hit, id: 'a2', snippets: [{ lang: 'vi', paragraph: 0, text: 'nhớ hỏi lại', ranges: [[0, 3]], via: 'note', annotationId: 'n1' }] };
    const onMore = vi.fn();
    const { container, rerender } = render(<SearchResults query="nhớ" hits={[hit, noteHit]} total={5} onOpen={() => undefined} onMore={onMore} />);
    expect(container.querySelector('.result-count')?.textContent).toMatch(/2.*5/);
    expect(container.querySelectorAll('.snippet-via')).toHaveLength(1);
    fireEvent.click(container.querySelector('.more-results') as Element);
    expect(onMore).toHaveBeenCalledTimes(1);
    rerender(<SearchResults query="nhớ" hits={[hit, noteHit]} total={2} onOpen={() => undefined} onMore={onMore} />);
    expect(container.querySelector('.more-results')).toBeNull();
  });

  it('drops the reader marks when the search is cleared', async () => {
    useFolio.setState({ query: '', scrollTarget: { lang: 'vi', paragraph: 2, ranges: [[0, 3]], snippetText: 'abc' } });
    await useFolio.getState().runSearch('');
    expect(useFolio.getState().scrollTarget).toBeNull();
    // A target without search marks (a highlight) is left alone.
    useFolio.setState({ scrollTarget: { lang: 'vi', paragraph: 1, annotationId: 'x' } });
    await useFolio.getState().runSearch('  ');
    expect(useFolio.getState().scrollTarget).toEqual({ lang: 'vi', paragraph: 1, annotationId: 'x' });
  });
});
