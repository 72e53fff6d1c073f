import { describe, expect, it } from 'vitest';
import { alignParagraphs, type Bead } from '../../../src-main/shared/align/align';
import { LIBRARY_EN, LIBRARY_VI } from './fixtures';
import { mulberry32 as rng } from '../../support/prng';

const oneToOne = (n: number): Bead[] => Array.from({ length: n }, (_, i) => ({ left: [i], right: [i] }));


const words = (length: number): string => 'x'.repeat(Math.max(0, Math.round(length)));

/** Every paragraph of both sides appears exactly once, in order, in beads of an allowed shape. */
function expectCoverage(beads: Bead[], n: number, m: number): void {
  expect(beads.flatMap((b) => b.left)).toEqual(Array.from({ length: n }, (_, i) => i));
  expect(beads.flatMap((b) => b.right)).toEqual(Array.from({ length: m }, (_, i) => i));
  for (const b of beads) {
    expect(b.left.length + b.right.length).toBeGreaterThan(0);
    expect(b.left.length).toBeLessThanOrEqual(2);
    expect(b.right.length).toBeLessThanOrEqual(2);
  }
}

describe('alignParagraphs', () => {
  it('aligns a faithful translation paragraph by paragraph', () => {
    expect(LIBRARY_VI).toHaveLength(8);
    expect(alignParagraphs(LIBRARY_VI, LIBRARY_EN)).toEqual(oneToOne(8));
  });

  it('finds a 2-1 bead where the English merged two Vietnamese paragraphs', () => {
    const merged = [...LIBRARY_EN.slice(0, 3), `${LIBRARY_EN[3]} ${LIBRARY_EN[4]}`, ...LIBRARY_EN.slice(5)];
    expect(alignParagraphs(LIBRARY_VI, merged)).toEqual([
      ...oneToOne(3),
      { left: [3, 4], right: [3] },
      ...oneToOne(3).map((b) => ({ left: [b.left[0]! + 5], right: [b.right[0]! + 4] })),
    ]);
    // And the mirror image when the merged version is on the left.
    const mirrored = alignParagraphs(merged, LIBRARY_VI);
    expect(mirrored[3]).toEqual({ left: [3], right: [3, 4] });
    expect(mirrored.filter((b) => b.left.length === 1 && b.right.length === 1)).toHaveLength(6);
  });

  it('leaves an extra paragraph alone (0-1 / 1-0) even when it is long', () => {
    const note =
      'Editor’s note: this article was updated on Sunday to correct the number of years the library was closed, ' +
      'and to add the opening hours announced by the town office after publication.';
    const withNote = [...LIBRARY_EN.slice(0, 5), note, ...LIBRARY_EN.slice(5)];
    const beads = alignParagraphs(LIBRARY_VI, withNote);
    expect(beads).toHaveLength(9);
    expect(beads[5]).toEqual({ left: [], right: [5] });
    expect(beads.filter((b) => b.left.length === 1 && b.right.length === 1)).toHaveLength(8);

    const background =
      'Đồng Văn là một thị trấn nhỏ ở vùng núi phía bắc, nơi phần lớn trẻ em phải đi bộ nhiều cây số ' +
      'để đến trường và thư viện từng là nơi duy nhất trong vùng có sách để mượn miễn phí.';
    const viWithBackground = [...LIBRARY_VI.slice(0, 2), background, ...LIBRARY_VI.slice(2)];
    const beads2 = alignParagraphs(viWithBackground, LIBRARY_EN);
    expect(beads2[2]).toEqual({ left: [2], right: [] });
    expect(beads2.filter((b) => b.left.length === 1 && b.right.length === 1)).toHaveLength(8);
  });

  it('lets a short extra line (a photo caption) join a neighbour, as the paper’s priors favour 2-1 over 1-0', () => {
    const caption = 'Ảnh: Người dân xếp hàng trước cửa thư viện.';
    const beads = alignParagraphs([...LIBRARY_VI.slice(0, 2), caption, ...LIBRARY_VI.slice(2)], LIBRARY_EN);
    expectCoverage(beads, 9, 8);
    const withCaption = beads.find((b) => b.left.includes(2))!;
    expect(withCaption.right.length).toBeLessThanOrEqual(1);
    expect(beads.filter((b) => b !== withCaption).every((b) => b.left.length === 1 && b.right.length === 1)).toBe(true);
  });

  it('handles empty sides', () => {
    expect(alignParagraphs([], [])).toEqual([]);
    expect(alignParagraphs(['a', 'b'], [])).toEqual([{ left: [0], right: [] }, { left: [1], right: [] }]);
    expect(alignParagraphs([], ['a'])).toEqual([{ left: [], right: [0] }]);
    expectCoverage(alignParagraphs(['', '', 'abc'], ['', 'abc']), 3, 2);
  });

  it('covers every paragraph exactly once on random inputs, including very different counts', () => {
    const random = rng(42);
    for (let round = 0; round < 200; round++) {
      const n = Math.floor(random() * 40);
      const m = round % 10 === 0 ? Math.floor(random() * 400) : Math.floor(random() * 40);
      const left = Array.from({ length: n }, () => words(random() * 600));
      const right = Array.from({ length: m }, () => words(random() * 600));
      expectCoverage(alignParagraphs(left, right), n, m);
    }
    // A narrow band forces the banded path; it must still cover both sides.
    const left = Array.from({ length: 300 }, (_, i) => 'a'.repeat(50 + ((i * 37) % 200)));
    const right = Array.from({ length: 30 }, (_, i) => 'b'.repeat(500 + ((i * 53) % 900)));
    expectCoverage(alignParagraphs(left, right, { band: 3 }), 300, 30);
    expectCoverage(alignParagraphs(right, left, { band: 3 }), 30, 300);
  });

  // Its speed is measured by `npm run bench` (bench/cost), not asserted here.
  it('aligns 500 × 500 paragraphs one to one', () => {
    const random = rng(7);
    const left = Array.from({ length: 500 }, () => words(80 + random() * 500));
    const right = left.map((t) => 'y'.repeat(Math.round(t.length * (1.15 + (random() - 0.5) * 0.2))));
    const beads = alignParagraphs(left, right);
    expectCoverage(beads, 500, 500);
    expect(beads).toEqual(oneToOne(500));
  });
});
