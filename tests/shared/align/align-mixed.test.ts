import { describe, expect, it } from 'vitest';
import { alignParagraphs, type Bead } from '../../../src-main/shared/align/align';
import { LIBRARY_EN, LIBRARY_VI } from './fixtures';

/** Splits an English paragraph at the sentence boundary nearest its middle. */
function splitInTwo(p: string): [string, string] {
  const cuts = [...p.matchAll(/[.!?]\s+/g)].map((m) => (m.index ?? 0) + m[0].length);
  const cut = cuts.sort((a, b) => Math.abs(a - p.length / 2) - Math.abs(b - p.length / 2))[0] ?? Math.floor(p.length / 2);
  return [p.slice(0, cut).trim(), p.slice(cut).trim()];
}

/** Adjacent one-sided rows (an untranslated paragraph next to an added one) in a fixed order. */
function canonical(beads: Bead[]): Bead[] {
  const out = beads.map((b) => ({ left: [...b.left], right: [...b.right] }));
  for (let k = 0; k + 1 < out.length; k++) {
    if (out[k]!.left.length === 0 && out[k + 1]!.right.length === 0) [out[k], out[k + 1]] = [out[k + 1]!, out[k]!];
  }
  return out;
}

describe('alignParagraphs: a split, an untranslated paragraph and an added note in one article', () => {
  it('aligns every row (1-2, 1-0 and 0-1 beads together)', () => {
    const en = [...LIBRARY_EN];
    const [a, b] = splitInTwo(en[1]!);
    const note = 'Translator’s note: the town office’s figures were checked against its published report.';
    // EN: 0, 1a, 1b, 2, 3, 4, (5 untranslated), note, 6, 7
    const right = [en[0]!, a, b, en[2]!, en[3]!, en[4]!, note, en[6]!, en[7]!];
    const expected: Bead[] = [
      { left: [0], right: [0] },
      { left: [1], right: [1, 2] },
      { left: [2], right: [3] },
      { left: [3], right: [4] },
      { left: [4], right: [5] },
      { left: [5], right: [] },
      { left: [], right: [6] },
      { left: [6], right: [7] },
      { left: [7], right: [8] },
    ];
    expect(canonical(alignParagraphs(LIBRARY_VI, right))).toEqual(expected);
    // Mirrored: the same beads with the sides swapped.
    expect(canonical(alignParagraphs(right, LIBRARY_VI).map((x) => ({ left: x.right, right: x.left })))).toEqual(expected);
  });

  it('keeps an untranslated paragraph with its own names or numbers on its own row wherever it sits', () => {
    // Paragraphs 1, 2, 5 and 6 carry names or numbers. Two neighbours with neither and similar
    // lengths (3 and 4 here) cannot be told apart by an aligner that does not read the words.
    for (const skip of [1, 2, 5, 6]) {
      const right = LIBRARY_EN.filter((_, i) => i !== skip);
      const [a, b] = splitInTwo(right[right.length - 1]!);
      const withSplit = [...right.slice(0, -1), a, b];
      const beads = alignParagraphs(LIBRARY_VI, withSplit);
      expect(beads.find((x) => x.left.includes(skip))).toEqual({ left: [skip], right: [] });
    }
  });
});
