import { expect, it } from 'vitest';
import { findQuote, isAnnotationError } from '../../../src-main/shared/anchoring';
import { fixtureText } from './helpers';

const vi = fixtureText('lang-lua.vi.txt');

it('finds a quote typed in decomposed Unicode (NFD) in NFC text', () => {
  const r = findQuote(vi, 'bà Tư đạp xe'.normalize('NFD'));
  expect(vi.slice(r.start, r.end)).toBe('bà Tư đạp xe');
});

it('tolerates a quote copied across a line break or with doubled spaces', () => {
  const r = findQuote(vi, 'thuê máy\n   đào  thay vì làm tay');
  expect(vi.slice(r.start, r.end)).toBe('thuê máy đào thay vì làm tay');
});

it('matches across a paragraph break', () => {
  const r = findQuote(vi, 'sông Hậu Mỗi sáng');
  expect(vi.slice(r.start, r.end)).toBe('sông Hậu\n\nMỗi sáng');
});

it('says how many occurrences there are when ambiguous, and picks the Nth when asked', () => {
  try {
    findQuote(vi, 'bà Tư');
    expect.unreachable();
  } catch (e) {
    expect(isAnnotationError(e, 'quote-ambiguous')).toBe(true);
    expect((e as Error).message).toMatch(/occurs 2 times; pass --occurrence N/);
  }
  const second = findQuote(vi, 'bà Tư', 2);
  expect(second.start).toBe(vi.lastIndexOf('bà Tư'));
});

it('throws quote-not-found for a missing quote and for an occurrence past the last', () => {
  expect(() => findQuote(vi, 'không có câu này')).toThrowError(/not found/);
  try {
    findQuote(vi, 'bà Tư', 3);
    expect.unreachable();
  } catch (e) {
    expect(isAnnotationError(e, 'quote-not-found')).toBe(true);
    expect((e as Error).message).toMatch(/only 2 times/);
  }
});
