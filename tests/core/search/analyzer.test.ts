import { describe, expect, it } from 'vitest';
import { analyze, analyzeWithBigrams } from '../../../src-main/core/search/analyzer';
import { bloomHas, buildBloom } from '../../../src-main/core/search/bloom';
import { foldDiacritics, normalizeTonePlacement } from '../../../src-main/core/search/fold';
import { tokenize } from '../../../src-main/core/search/tokenize';

describe('foldDiacritics', () => {
  it('strips tone and quality marks and maps đ/Đ to d/D', () => {
    expect(foldDiacritics('Đường phố ương ngạnh')).toBe('Duong pho uong nganh');
    expect(foldDiacritics('đ')).toBe('d');
  });
});

describe('normalizeTonePlacement', () => {
  it('gives old and new placements one key', () => {
    expect(normalizeTonePlacement('hòa')).toBe(normalizeTonePlacement('hoà'));
    expect(normalizeTonePlacement('thúy')).toBe(normalizeTonePlacement('thuý'));
    expect(normalizeTonePlacement('qủa')).toBe('quả');
    expect(normalizeTonePlacement('khỏe')).toBe(normalizeTonePlacement('khoẻ'));
  });
  it('keeps correct syllables as they are', () => {
    for (const s of ['người', 'giữa', 'gì', 'quốc', 'của', 'mùa', 'hoàng', 'khuỷu', 'thuở', 'huỳnh', 'đường']) {
      expect(normalizeTonePlacement(s)).toBe(s);
    }
  });
  it('does not merge different words', () => {
    const keys = ['dương', 'đương', 'đường'].map(normalizeTonePlacement);
    expect(new Set(keys).size).toBe(3);
  });
});

describe('tokenize', () => {
  it('keeps combining marks inside the word (NFD input)', () => {
    const text = 'tiếng Việt'.normalize('NFD');
    const { words } = tokenize(text);
    expect(words).toHaveLength(2);
    expect(text.slice(words[0]!.start, words[0]!.end)).toBe('tiếng'.normalize('NFD'));
    expect(words.map((w) => w.exact)).toEqual(['tiếng', 'việt']);
  });
  it('marks words separated by punctuation as not adjacent', () => {
    const { words } = tokenize('dân, chủ nhà');
    expect(words.map((w) => w.adjacent)).toEqual([false, false, true]);
  });
});

describe('analyze', () => {
  it('yields the same terms for NFC and NFD input', () => {
    const s = 'Quy chế dân chủ cơ sở ở xã phường';
    expect(analyze(s.normalize('NFD'))).toEqual(analyze(s.normalize('NFC')));
  });
  it('emits exact terms and folded adjacent bigrams for the filter', () => {
    const { terms, bigrams } = analyzeWithBigrams('Đường Phố cổ');
    expect(terms).toEqual(['đường', 'phố', 'cổ']);
    expect([...bigrams].sort()).toEqual(['duong pho', 'pho co']);
  });
  it('does not pair words across punctuation', () => {
    expect([...analyzeWithBigrams('dân, chủ').bigrams].filter((k) => k.includes(' '))).toEqual([]);
  });
  it('keeps bigrams in a Bloom filter with no false negatives and few false positives', () => {
    const keys = new Set(Array.from({ length: 500 }, (_, i) => `w${i} x${i * 7}`));
    const filter = buildBloom(keys);
    for (const k of keys) expect(bloomHas(filter, k)).toBe(true);
    let fp = 0;
    for (let i = 0; i < 2000; i++) if (bloomHas(filter, `absent ${i}`)) fp++;
    expect(fp / 2000).toBeLessThan(0.03);
  });
  it('indexes codes and dates whole and by their parts', () => {
    const terms = analyze('Báo cáo 08-BC/TU ngày 15-10-1930 năm 2021');
    for (const t of ['08-bc/tu', '08', 'bc', 'tu', '15-10-1930', '15', '10', '1930', '2021']) expect(terms).toContain(t);
  });
  it('normalises tone placement in the exact forms', () => {
    expect(analyze('hòa thúy qủa')).toEqual(analyze('hoà thuý quả'));
    expect(analyze('hòa thúy quả')).toEqual(['hoà', 'thuý', 'quả']);
    expect(new Set(analyze('dương đương đường')).size).toBe(3);
  });
});
