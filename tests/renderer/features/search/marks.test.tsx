/** Search marks: titles are marked from their ranges, and clearing the search clears the reader's marks. */
import { describe, expect, it } from 'vitest';
import { render } from '@testing-library/react';
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
    const { container } = render(<SearchResults query="hải đăng" hits={[hit]} onOpen={() => undefined} />);
    expect([...container.querySelectorAll('.article-title mark')].map((m) => m.textContent)).toEqual(['hải', 'đăng']);
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
