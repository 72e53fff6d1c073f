import { expect, it } from 'vitest';
import { describe, reanchorAll } from '../../../src-main/shared/anchoring';
import type { Annotation } from '../../../src-main/shared/types';
import { fixtureText, rangeOf } from './helpers';

const en = fixtureText('river-town.en.txt');

function highlight(id: string, text: string, quote: string): Annotation {
  const [s, e] = rangeOf(text, quote);
  return { id, articleId: 'river', lang: 'en', kind: 'highlight', target: describe(text, s, e), color: 'yellow', note: `note ${id}`, tags: [], created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };
}

const note: Annotation = { id: 'n', articleId: 'river', lang: 'en', kind: 'note', target: null, color: 'yellow', note: 'article note', tags: [], created: '2026-01-01T00:00:00.000Z', updated: '2026-01-01T00:00:00.000Z' };

it('returns every annotation in input order: moved ones updated, lost ones orphaned with quote and note intact', () => {
  const list = [highlight('a', en, 'Mrs. Hoa'), note, highlight('b', en, 'The council approved the new flood budget on Monday'), highlight('c', en, 'For three generations')];
  const paragraph2 = en.split('\n\n')[2]!;
  const edited = en.replace('For three generations', 'For thre generations').replace(paragraph2 + '\n\n', '');
  const { anchored, moved } = reanchorAll(edited, list);
  expect(anchored.map((a) => a.id)).toEqual(['a', 'n', 'b', 'c']);
  const [a, n, b, c] = anchored;
  expect(edited.slice(a!.target!.position.start, a!.target!.position.end)).toBe('Mrs. Hoa');
  expect(a!.target!.paragraph).toBe(2);
  expect(n).toEqual({ ...note, orphaned: false });
  expect(b).toEqual({ ...list[2], orphaned: true });
  // "For three generations" -> "For thre generations": a fuzzy match, quote kept as stored.
  expect(c!.orphaned).toBe(false);
  expect(edited.slice(c!.target!.position.start, c!.target!.position.end)).toBe('For thre generations');
  expect(c!.target!.quote.exact).toBe('For three generations');
  expect(moved.map((m) => m.id).sort()).toEqual(['a', 'c']);
  expect(moved.every((m) => m.note === `note ${m.id}` && m.updated === '2026-01-01T00:00:00.000Z')).toBe(true);
});

it('reports nothing as moved when the text is unchanged', () => {
  const list = [highlight('a', en, 'Mrs. Hoa'), highlight('b', en, 'red line')];
  const { anchored, moved } = reanchorAll(en, list);
  expect(moved).toEqual([]);
  expect(anchored.map((a) => a.orphaned)).toEqual([false, false]);
});

it('follows many highlights through one insertion using the shared shift', () => {
  const quotes = ['Ben Lam', 'rice sacks', 'the school on the hill', 'Mrs. Hoa', 'every ten minutes', 'the roads'];
  const list = quotes.map((q, i) => highlight(String(i), en, q));
  const edited = 'Preface.\n\n' + en;
  const { anchored, moved } = reanchorAll(edited, list);
  expect(moved).toHaveLength(quotes.length);
  anchored.forEach((a, i) => {
    expect(edited.slice(a.target!.position.start, a.target!.position.end)).toBe(quotes[i]);
    expect(a.target!.paragraph).toBe(list[i]!.target!.paragraph + 1);
  });
});
