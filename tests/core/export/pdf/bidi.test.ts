/** The bidi placement of one line: levels from bidi-js, rule L2 over the laid-out stretches. */
import { describe, expect, it } from 'vitest';
import { isRtlAt, mirrored, paragraphLevels, visualLine } from '../../../../src-main/core/export/pdf/bidi';

describe('paragraphLevels', () => {
  it('leaves text without right-to-left letters alone', () => {
    expect(paragraphLevels('Tiếng Việt and English (1, 2).')).toBeNull();
  });

  it('takes the paragraph direction from the first strong character', () => {
    const rtl = paragraphLevels('שלום world')!;
    expect(isRtlAt(rtl, 0)).toBe(true);
    expect([...rtl.levels.slice(0, 4)]).toEqual([1, 1, 1, 1]);
    expect([...rtl.levels.slice(5)]).toEqual([2, 2, 2, 2, 2]);
    const ltr = paragraphLevels('Hello שלום')!;
    expect(isRtlAt(ltr, 0)).toBe(false);
    expect([...ltr.levels.slice(6)]).toEqual([1, 1, 1, 1]);
  });

  it('takes a given direction over the first strong character', () => {
    const forced = paragraphLevels('“שלום” (p. 1)', 'ltr')!;
    expect(isRtlAt(forced, 0)).toBe(false);
    expect(forced.levels[1]).toBe(1);
  });

  it('mirrors brackets', () => {
    expect(mirrored('(')).toBe(')');
    expect(mirrored('a')).toBe('a');
  });
});

describe('visualLine', () => {
  it('is the identity for a left-to-right line', () => {
    const v = visualLine([{ lx: 0, width: 10, level: 0 }, { lx: 10, width: 5, level: 0 }], 100);
    expect(v.map(0, 15)).toEqual([[100, 115]]);
    expect(v.map(2, 4)).toEqual([[102, 104]]);
  });

  it('reverses a right-to-left stretch inside a left-to-right line, and the inside of each right-to-left atom', () => {
    // "ab" (10) "XY" (6, rtl) " " (2, rtl: between two rtl words) "ZW" (4, rtl) "." (1)
    const atoms = [
      { lx: 0, width: 10, level: 0 },
      { lx: 10, width: 6, level: 1 },
      { lx: 16, width: 2, level: 1 },
      { lx: 18, width: 4, level: 1 },
      { lx: 22, width: 1, level: 0 },
    ];
    const v = visualLine(atoms, 0);
    expect(v.map(18, 22)).toEqual([[10, 14]]); // the second rtl word is drawn first
    expect(v.map(10, 16)).toEqual([[16, 22]]);
    expect(v.map(10, 12)).toEqual([[20, 22]]); // its first (logical) third is at its right end
    expect(v.map(22, 23)).toEqual([[22, 23]]);
    // A range crossing the direction change shows as two pieces.
    expect(v.map(5, 12)).toEqual([[5, 10], [20, 22]]);
  });

  it('keeps a left-to-right number in a right-to-left line in reading order, the whole placed from the origin', () => {
    // rtl word (8), space (2, level 1), "2024" (6, level 2)
    const v = visualLine([{ lx: 0, width: 8, level: 1 }, { lx: 8, width: 2, level: 1 }, { lx: 10, width: 6, level: 2 }], 50);
    expect(v.map(0, 8)).toEqual([[58, 66]]); // rightmost
    expect(v.map(10, 16)).toEqual([[50, 56]]); // leftmost, not reversed inside
    expect(v.map(10, 12)).toEqual([[50, 52]]);
  });
});
