/**
 * One date formatter for the app and the PDF: the date first, then the time, in Vietnamese and
 * English; dates without a time stay dates; the same strings whatever the runtime's ICU data or
 * the machine's time zone.
 */
import { describe, expect, it } from 'vitest';
import { formatDate } from '../../src-main/shared/format-date';

describe('formatDate', () => {
  it('puts the date before the time in Vietnamese (Intl alone gives "06:30 22 thg 4, 2023")', () => {
    expect(formatDate('2023-04-22T06:30:00', 'vi')).toBe('22 thg 4, 2023, 06:30');
    expect(formatDate('2023-04-22T18:05', 'vi')).toBe('22 thg 4, 2023, 18:05');
  });

  it('writes the same order in English, on a 24-hour clock', () => {
    expect(formatDate('2023-04-22T06:30:00', 'en')).toBe('22 Apr 2023, 06:30');
    expect(formatDate('2023-04-22T18:05:00', 'en')).toBe('22 Apr 2023, 18:05');
    expect(formatDate('2023-09-02T00:00', 'en')).toBe('2 Sept 2023, 00:00');
  });

  it('leaves dates without a time unchanged', () => {
    expect(formatDate('2023-04-22', 'vi')).toBe('22 thg 4, 2023');
    expect(formatDate('2023-04-22', 'en')).toBe('22 Apr 2023');
    expect(formatDate('2024-12-01', 'vi')).toBe('1 thg 12, 2024');
  });

  // A small-icu Node build has English data only: nothing to compare with there.
  const fullIcu = Intl.DateTimeFormat.supportedLocalesOf(['vi-VN', 'en-GB']).length === 2;
  it.skipIf(!fullIcu)('gives the words Intl gives for vi-VN and en-GB medium dates, on every day of a year', () => {
    // Not an oracle for the runtime's ICU (which may change its words), but a check that the
    // hand-written words are CLDR's as this Node ships them.
    for (let day = 0; day < 366; day += 1) {
      const d = new Date(Date.UTC(2024, 0, 1 + day));
      const iso = d.toISOString().slice(0, 10);
      const intl = (locale: string) => new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(d);
      expect(formatDate(iso, 'vi')).toBe(intl('vi-VN'));
      expect(formatDate(iso, 'en')).toBe(intl('en-GB'));
    }
  });

  it('reads the time as written, whatever the machine’s time zone', () => {
    const before = process.env.TZ;
    try {
      for (const tz of ['Pacific/Kiritimati', 'America/Los_Angeles', 'UTC']) {
        process.env.TZ = tz;
        expect(formatDate('2023-04-22T23:30:00', 'vi')).toBe('22 thg 4, 2023, 23:30');
      }
    } finally {
      if (before === undefined) delete process.env.TZ;
      else process.env.TZ = before;
    }
  });

  it('returns what it cannot read, and nothing for no date', () => {
    expect(formatDate('sometime in spring', 'en')).toBe('sometime in spring');
    expect(formatDate('2023-02-30', 'vi')).toBe('2023-02-30');
    expect(formatDate('2023-04-22T25:10', 'vi')).toBe('2023-04-22T25:10');
    expect(formatDate(null, 'vi')).toBe('');
  });
});
