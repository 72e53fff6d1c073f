import { describe, expect, it } from 'vitest';
import { indexBeads, normaliseBeads } from '../../../../src-main/core/export/pdf/beads';

describe('normaliseBeads', () => {
  it('pairs by index when no alignment is given', () => {
    expect(normaliseBeads(undefined, 3, 2)).toEqual([{ left: [0], right: [0] }, { left: [1], right: [1] }, { left: [2], right: [] }]);
    expect(indexBeads(0, 1)).toEqual([{ left: [], right: [0] }]);
  });

  it('keeps a valid Gale–Church alignment as given', () => {
    const beads = [{ left: [0], right: [0, 1] }, { left: [1, 2], right: [2] }, { left: [], right: [3] }];
    expect(normaliseBeads(beads, 3, 4)).toEqual(beads);
  });

  it('drops out-of-range and repeated indices and re-inserts missing paragraphs in order', () => {
    const beads = [{ left: [0, 7], right: [0] }, { left: [0], right: [2] }, { left: [3], right: [3, 3] }];
    expect(normaliseBeads(beads, 4, 4)).toEqual([
      { left: [0], right: [0] },
      { left: [], right: [1] },
      { left: [1], right: [] },
      { left: [2], right: [] },
      { left: [], right: [2] },
      { left: [3], right: [3] },
    ]);
  });
});
