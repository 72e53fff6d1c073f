/**
 * Date fields typed in the UI language's order: dd/mm/yyyy in Vietnamese, ISO in English;
 * impossible days and unreadable text are told apart, never taken for another date.
 */
import { describe, expect, it } from 'vitest';
import { parseTypedDate, typedDateFormat, typedDateText } from '../../../src-renderer/lib/typed-date';

describe('typed dates', () => {
  it('reads day/month/year in Vietnamese, with or without leading zeros', () => {
    expect(parseTypedDate('22/04/2023', 'vi')).toEqual({ kind: 'date', iso: '2023-04-22' });
    expect(parseTypedDate(' 3/4/2023 ', 'vi')).toEqual({ kind: 'date', iso: '2023-04-03' });
    expect(parseTypedDate('03.04.2023', 'vi')).toEqual({ kind: 'date', iso: '2023-04-03' });
  });

  it('reads ISO in both languages, and only ISO in English', () => {
    expect(parseTypedDate('2023-04-03', 'vi')).toEqual({ kind: 'date', iso: '2023-04-03' });
    expect(parseTypedDate('2023-04-03', 'en')).toEqual({ kind: 'date', iso: '2023-04-03' });
    expect(parseTypedDate('03/04/2023', 'en')).toEqual({ kind: 'invalid', reason: 'format' });
    // Half-typed ISO ("2024-02-3" on its way to "2024-02-31") is not yet a date to filter by.
    expect(parseTypedDate('2024-02-3', 'en')).toEqual({ kind: 'invalid', reason: 'format' });
  });

  it('refuses days that do not exist', () => {
    expect(parseTypedDate('31/02/2024', 'vi')).toEqual({ kind: 'invalid', reason: 'no-such-day' });
    expect(parseTypedDate('29/02/2023', 'vi')).toEqual({ kind: 'invalid', reason: 'no-such-day' });
    expect(parseTypedDate('29/02/2024', 'vi')).toEqual({ kind: 'date', iso: '2024-02-29' });
    expect(parseTypedDate('2024-13-01', 'en')).toEqual({ kind: 'invalid', reason: 'no-such-day' });
  });

  it('refuses text it cannot read rather than guessing (two-digit years, words, half a date)', () => {
    for (const text of ['22/4/23', 'hôm qua', '22/04', '2023']) expect(parseTypedDate(text, 'vi')).toEqual({ kind: 'invalid', reason: 'format' });
    expect(parseTypedDate('   ', 'vi')).toEqual({ kind: 'empty' });
  });

  it('writes a day back in the format it asks for', () => {
    expect(typedDateFormat('vi')).toBe('dd/mm/yyyy');
    expect(typedDateFormat('en')).toBe('yyyy-mm-dd');
    expect(typedDateText('2023-04-03', 'vi')).toBe('03/04/2023');
    expect(typedDateText('2023-04-03', 'en')).toBe('2023-04-03');
    expect(typedDateText(null, 'vi')).toBe('');
  });
});

describe('typed dates with a time', () => {
  it('reads day, month, year then a 24-hour time in Vietnamese, and ISO with a time in both', () => {
    expect(parseTypedDate('22/04/2023 06:30', 'vi', true)).toEqual({ kind: 'date', iso: '2023-04-22T06:30' });
    expect(parseTypedDate('22/4/2023, 18:05', 'vi', true)).toEqual({ kind: 'date', iso: '2023-04-22T18:05' });
    expect(parseTypedDate('2023-04-22 6:30', 'en', true)).toEqual({ kind: 'date', iso: '2023-04-22T06:30' });
    expect(parseTypedDate('2023-04-22T18:05', 'en', true)).toEqual({ kind: 'date', iso: '2023-04-22T18:05' });
  });

  it('takes a day alone: the time is optional', () => {
    expect(parseTypedDate('22/04/2023', 'vi', true)).toEqual({ kind: 'date', iso: '2023-04-22' });
    expect(parseTypedDate('2023-04-22', 'en', true)).toEqual({ kind: 'date', iso: '2023-04-22' });
  });

  it('names a time that does not exist, and refuses a 12-hour clock or half a time', () => {
    expect(parseTypedDate('22/04/2023 24:00', 'vi', true)).toEqual({ kind: 'invalid', reason: 'no-such-time' });
    expect(parseTypedDate('2023-04-22 06:60', 'en', true)).toEqual({ kind: 'invalid', reason: 'no-such-time' });
    for (const text of ['04/22/2023 6:30 PM', '22/04/2023 6:30 CH', '22/04/2023 06:', '22/04/2023 0630']) {
      expect(parseTypedDate(text, 'vi', true)).toEqual({ kind: 'invalid', reason: 'format' });
    }
    expect(parseTypedDate('31/02/2024 06:30', 'vi', true)).toEqual({ kind: 'invalid', reason: 'no-such-day' });
  });

  it('refuses a time where only a day is asked for', () => {
    expect(parseTypedDate('22/04/2023 06:30', 'vi')).toEqual({ kind: 'invalid', reason: 'format' });
  });

  it('writes a day and time back in the format it asks for, without seconds', () => {
    expect(typedDateFormat('vi', true)).toBe('dd/mm/yyyy HH:mm');
    expect(typedDateFormat('en', true)).toBe('yyyy-mm-dd HH:mm');
    expect(typedDateText('2023-04-22T06:30:00', 'vi')).toBe('22/04/2023 06:30');
    expect(typedDateText('2023-04-22T18:05', 'en')).toBe('2023-04-22 18:05');
    expect(typedDateText('2023-04-22', 'vi')).toBe('22/04/2023');
  });
});
