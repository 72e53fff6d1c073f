/**
 * One date formatter for the whole UI: the date first, then the time, in Vietnamese and English;
 * dates without a time stay as they were.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../../src-renderer/lib/format-date';

describe('formatDate', () => {
  it('puts the date before the time in Vietnamese (Intl alone gives "06:30 22 thg 4, 2023")', () => {
    expect(formatDate('2023-04-22T06:30:00', 'vi')).toBe('22 thg 4, 2023, 06:30');
    expect(formatDate('2023-04-22T18:05', 'vi')).toBe('22 thg 4, 2023, 18:05');
  });

  it('writes the same order in English, on a 24-hour clock', () => {
    expect(formatDate('2023-04-22T06:30:00', 'en')).toBe('22 Apr 2023, 06:30');
    expect(formatDate('2023-04-22T18:05:00', 'en')).toBe('22 Apr 2023, 18:05');
  });

  it('leaves dates without a time unchanged', () => {
    expect(formatDate('2023-04-22', 'vi')).toBe('22 thg 4, 2023');
    expect(formatDate('2023-04-22', 'en')).toBe('22 Apr 2023');
  });

  it('returns what it cannot read, and nothing for no date', () => {
    expect(formatDate('sometime in spring', 'en')).toBe('sometime in spring');
    expect(formatDate(null, 'vi')).toBe('');
  });
});
