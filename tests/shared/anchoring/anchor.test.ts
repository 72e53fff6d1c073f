import { describe as suite, expect, it } from 'vitest';
import { anchor, describe, reanchorAll } from '../../../src-main/shared/anchoring';
import type { Annotation } from '../../../src-main/shared/types';
import { fixtureText, rangeOf } from './helpers';

const en = fixtureText('river-town.en.txt');
const vi = fixtureText('lang-lua.vi.txt');

/** Describes `quote` in `before`, anchors in `after`, returns the text it landed on (or null). */
function landed(before: string, after: string, quote: string, from = 0): { text: string; method: string } | null {
  const [s, e] = rangeOf(before, quote, from);
  const a = anchor(after, describe(before, s, e));
  return a ? { text: after.slice(a.start, a.end), method: a.method } : null;
}

suite('anchor after edits', () => {
  it('follows a quote when a paragraph is inserted before it (exact quote search)', () => {
    const after = en.replace('\n\n', '\n\nA new introduction was added by the editor, two sentences long. It shifts everything.\n\n');
    expect(landed(en, after, 'keeps a notebook of every flood since 1978')).toEqual({
      text: 'keeps a notebook of every flood since 1978',
      method: 'quote',
    });
  });

  it('follows a quote when the same paragraph is edited just before it', () => {
    const after = en.replace('A retired teacher, Mrs. Hoa,', 'Mrs. Hoa, who taught maths for forty years,');
    expect(landed(en, after, 'keeps a notebook of every flood')?.text).toBe('keeps a notebook of every flood');
  });

  it('follows a quote whose own typo was fixed (fuzzy, original quote kept)', () => {
    const before = en.replace('what children learn to read first', 'what chidlren learn to raed first');
    const r = landed(before, en, 'the pillars are what chidlren learn to raed first');
    expect(r).toEqual({ text: 'the pillars are what children learn to read first', method: 'fuzzy' });
  });

  it('follows a Vietnamese quote after a diacritic correction inside it', () => {
    const before = vi.replace('quyết định thuê máy đào', 'quyết đinh thuê máy dào');
    expect(landed(before, vi, 'cuối cùng quyết đinh thuê máy dào thay vì làm tay')).toEqual({
      text: 'cuối cùng quyết định thuê máy đào thay vì làm tay',
      method: 'fuzzy',
    });
  });

  it('follows a quote through re-flowed whitespace (line breaks, double spaces, NBSP)', () => {
    const after = en.replace('She writes the date, the height and one sentence', 'She writes the date,\nthe  height and\u00a0one sentence');
    expect(landed(en, after, 'She writes the date, the height and one sentence')).toEqual({
      text: 'She writes the date,\nthe  height and\u00a0one sentence',
      method: 'quote',
    });
  });

  it('tells a repeated quote apart by its prefix/suffix even after both moved', () => {
    const quote = 'the pillars are';
    const second = en.indexOf(quote, en.indexOf(quote) + 1);
    const [s, e] = [second, second + quote.length];
    const after = 'Editor’s note: updated.\n\n' + en;
    const a = anchor(after, describe(en, s, e));
    expect(a?.start).toBe(second + 'Editor’s note: updated.\n\n'.length);
    expect(a?.method).toBe('quote');
  });

  it('orphans a highlight whose paragraph was deleted instead of attaching it elsewhere', () => {
    const paragraph = en.split('\n\n')[3] ?? '';
    const after = en.replace(paragraph + '\n\n', '');
    expect(landed(en, after, 'one sentence about what the town did')).toBeNull();
  });

  it('never moves a highlight onto a similar but different sentence', () => {
    // "approved ... on Monday" is deleted; "rejected ... on Friday" still exists further down.
    const para = en.split('\n\n')[2] ?? '';
    const after = en.replace(para + '\n\n', '');
    expect(landed(en, after, 'The council approved the new flood budget on Monday')).toBeNull();
    // Even a near-identical sentence elsewhere, one word apart, is not taken without its context.
    const near = after.replace('the council rejected the old flood budget on Friday', 'the council approved the new flood budget on Sunday');
    expect(landed(en, near, 'The council approved the new flood budget on Monday')).toBeNull();
  });

  it('orphans a short quote whose surroundings are gone even if the word occurs elsewhere', () => {
    const [s, e] = rangeOf(en, 'river', en.indexOf('For three generations'));
    const after = en.split('\n\n').filter((_, i) => i !== 1).join('\n\n');
    expect(after.includes('river')).toBe(true);
    expect(anchor(after, describe(en, s, e))).toBeNull();
  });

  // Its speed is measured by `npm run bench` (bench/cost), not asserted here.
  it('re-anchors 200 highlights in a 20k-word article after an insertion and a reflow', () => {
    const { text, targets } = syntheticArticle(20_000, 200);
    // An insertion near the top shifts everything; a reflow changes whitespace in a third of it.
    const edited = 'A new first paragraph.\n\n' + text.slice(0, 40_000) + text.slice(40_000).replace(/ (\w+) /g, ' $1\n');
    const { anchored } = reanchorAll(edited, targets);
    expect(anchored.filter((a) => a.orphaned)).toEqual([]);
    for (const a of anchored) {
      const t = a.target!;
      expect(collapse(edited.slice(t.position.start, t.position.end))).toBe(collapse(t.quote.exact));
    }
  });
});

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

/** A deterministic pseudo-random article of `words` words with `count` highlights spread through it. */
function syntheticArticle(words: number, count: number): { text: string; targets: Annotation[] } {
  const vocab = (en + ' ' + vi).split(/\s+/).filter((w) => w.length > 0);
  let seed = 12345;
  const rnd = (n: number): number => {
    // mulberry32: a small PRNG whose low bits are usable (an LCG's are not).
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) % n;
  };
  const paragraphs: string[] = [];
  let total = 0;
  while (total < words) {
    const len = 40 + rnd(80);
    paragraphs.push(Array.from({ length: len }, () => vocab[rnd(vocab.length)]).join(' '));
    total += len;
  }
  const text = paragraphs.join('\n\n');
  const targets = Array.from({ length: count }, (_, k): Annotation => {
    const start = Math.floor((k / count) * (text.length - 200));
    const target = describe(text, start, start + 30 + (k % 90));
    return { id: `h${k}`, articleId: 'a', lang: 'en', kind: 'highlight', target, color: 'yellow', note: '', tags: [], created: '', updated: '' };
  });
  return { text, targets };
}
