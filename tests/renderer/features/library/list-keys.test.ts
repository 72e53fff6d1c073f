import { describe, expect, it } from 'vitest';
import { nextListIndex } from '../../../../src-renderer/features/library/list-keys';

describe('nextListIndex (listbox keys by index)', () => {
  it('moves one row, a page, or to either end, and stays inside the list', () => {
    expect(nextListIndex('ArrowDown', 0, 50_000, 10)).toBe(1);
    expect(nextListIndex('ArrowUp', 0, 50_000, 10)).toBe(0);
    expect(nextListIndex('End', 3, 50_000, 10)).toBe(49_999);
    expect(nextListIndex('Home', 49_999, 50_000, 10)).toBe(0);
    expect(nextListIndex('PageDown', 49_995, 50_000, 10)).toBe(49_999);
    expect(nextListIndex('PageUp', 4, 50_000, 10)).toBe(0);
    expect(nextListIndex('ArrowDown', 49_999, 50_000, 10)).toBe(49_999);
  });
  it('lets other keys through and does nothing in an empty list', () => {
    expect(nextListIndex('j', 0, 10, 5)).toBeNull();
    expect(nextListIndex('ArrowDown', 0, 0, 5)).toBeNull();
  });
});
