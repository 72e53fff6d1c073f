import { describe, expect, it } from 'vitest';
import { visualOrder } from '../../../../src-main/core/export/pdf/bidi';

const L = (text: string) => ({ text, rtl: false });
const R = (text: string) => ({ text, rtl: true });

describe('visualOrder', () => {
  it('keeps left-to-right text as it is', () => {
    expect(visualOrder([L('Hello '), L('world')])).toEqual([0, 1]);
  });

  it('reverses a stretch of right-to-left words with the spaces between them, not the text around it', () => {
    // "Hebrew: שלום עולם." → "Hebrew: " then עולם, " ", שלום, then "."
    expect(visualOrder([L('Hebrew: '), R('שלום'), L(' '), R('עולם'), L('.')])).toEqual([0, 3, 2, 1, 4]);
  });

  it('stops at a left-to-right word between two right-to-left ones', () => {
    expect(visualOrder([R('א'), L(' and '), R('ב')])).toEqual([0, 1, 2]);
  });
});
