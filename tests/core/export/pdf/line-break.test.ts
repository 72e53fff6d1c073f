import { describe, expect, it } from 'vitest';
import { breakLines, type Line } from '../../../../src-main/core/export/pdf/line-break';
import { offsetX, spanExtent } from '../../../../src-main/core/export/pdf/line-geometry';
import { realMeasurer as m } from './real-measurer';

const TEXT = 'Ở đồng bằng sông Cửu Long, nước mặn đã lấn sâu vào các kênh rạch từ tháng Hai, khiến nhiều hộ nông dân phải bơm nước ngọt dự trữ từ trước Tết.';
const lineText = (text: string, l: Line): string => text.slice(l.start, l.end);

describe('breakLines', () => {
  it('breaks at spaces into lines that fit, losing no word', () => {
    const lines = breakLines(m, { text: TEXT, font: 'regular', size: 10.5, width: 160 });
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.width).toBeLessThanOrEqual(160);
      expect(l.width).toBeCloseTo(m.width(lineText(TEXT, l), 'regular', 10.5), 6);
      expect(lineText(TEXT, l)).toBe(lineText(TEXT, l).trim());
    }
    expect(lines.map((l) => lineText(TEXT, l)).join(' ')).toBe(TEXT);
  });

  it('is greedy: the next word would not have fit on the previous line', () => {
    const lines = breakLines(m, { text: TEXT, font: 'regular', size: 10.5, width: 160 });
    for (let i = 0; i + 1 < lines.length; i++) {
      const next = lineText(TEXT, lines[i + 1] as Line).split(' ')[0] ?? '';
      expect(m.width(`${lineText(TEXT, lines[i] as Line)} ${next}`, 'regular', 10.5)).toBeGreaterThan(160);
    }
  });

  it('cuts an overlong word between grapheme clusters, keeping letters and combining marks together', () => {
    // "ị̂" style clusters that NFC cannot precompose: base letter + two combining marks.
    const word = 'x\u0323\u0302'.repeat(30) + 'ngườiViệt'.repeat(4);
    const text = `a ${word} b`;
    const lines = breakLines(m, { text, font: 'regular', size: 10, width: 60 });
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) {
      expect(l.width).toBeLessThanOrEqual(60 + 1e-6);
      // No line starts with a combining mark.
      expect(/^\p{M}/u.test(lineText(text, l))).toBe(false);
    }
    expect(lines.map((l) => lineText(text, l)).join('').replace(/ /g, '')).toBe(text.replace(/ /g, ''));
  });

  it('honours forced line breaks and keeps empty lines of preformatted text', () => {
    const text = 'dòng một\n\ndòng ba';
    const lines = breakLines(m, { text, font: 'regular', size: 10, width: 500 });
    expect(lines.map((l) => lineText(text, l))).toEqual(['dòng một', '', 'dòng ba']);
  });

  it('glues a note marker to the word before it, after trailing spaces are skipped', () => {
    const text = 'một hai ba bốn';
    const lines = breakLines(m, { text, markers: [{ at: 8, label: '12' }], font: 'regular', size: 10, width: 500 });
    const pieces = lines[0]?.pieces ?? [];
    expect(pieces.map((p) => (p.kind === 'text' ? text.slice(p.start, p.end) : `[${p.label}]`))).toEqual(['một hai', '[12]', 'ba bốn']);
    const marker = pieces[1];
    expect(marker?.x).toBeCloseTo(m.width('một hai', 'regular', 10), 6);
  });

  it('never starts a line with a marker', () => {
    const text = 'aaaa bbbb cccc dddd';
    const w = m.width('aaaa bbbb', 'regular', 10) + 0.5;
    const lines = breakLines(m, { text, markers: [{ at: 9, label: '3' }], font: 'regular', size: 10, width: w });
    expect(lines[0]?.pieces.some((p) => p.kind === 'marker')).toBe(false);
    expect(lines[1]?.pieces[0]).toMatchObject({ kind: 'text' });
    expect(lines[1]?.pieces[1]).toMatchObject({ kind: 'marker', label: '3' });
  });
});

describe('span extents', () => {
  it('measures highlight boxes from real advance widths, hugging the glyphs', () => {
    const text = 'nước mặn đã lấn sâu';
    const [line] = breakLines(m, { text, font: 'regular', size: 10, width: 500 });
    if (!line) throw new Error('no line');
    const ext = spanExtent(m, text, line, 4, 12, 'regular', 10); // " mặn đã " → "mặn đã"
    expect(ext?.[0]).toBeCloseTo(m.width('nước ', 'regular', 10), 6);
    expect(ext?.[1]).toBeCloseTo(m.width('nước mặn đã', 'regular', 10), 6);
    expect(offsetX(m, text, line, text.length, 'end', 'regular', 10)).toBeCloseTo(line.width, 6);
    expect(spanExtent(m, text, line, 4, 5, 'regular', 10)).toBeNull();
  });
});

describe('overlong words (URLs)', () => {
  it('breaks a URL after a separator or before a dot, never inside the scheme, and keeps every character', () => {
    const url = 'https://www.mrcmekong.org/assets/Publications/basin-reports/State-of-the-Basin-Report-2023.pdf';
    const lines = breakLines(m, { text: `Xem ${url}`, font: 'regular', size: 10, width: 150 });
    const texts = lines.map((l) => `Xem ${url}`.slice(l.start, l.end));
    expect(texts.join('').replace('Xem', 'Xem ')).toBe(`Xem ${url}`);
    expect(texts.length).toBeGreaterThan(2);
    expect(texts[1]?.startsWith('https://')).toBe(true);
    for (const [i, t] of texts.slice(1, -1).entries()) {
      const next = texts[i + 2] ?? '';
      expect(/[/\-?&=#_]$/.test(t) || next.startsWith('.'), `${t} | ${next}`).toBe(true);
    }
  });
});

describe('scripts written without spaces (Thai, Khmer)', () => {
  // Written for this test: "Thai is a language with no spaces between words", in Thai; the same idea in Khmer.
  const THAI = 'ภาษาไทยเป็นภาษาที่ไม่มีการเว้นวรรคระหว่างคำ';
  const KHMER = 'ភាសាខ្មែរជាភាសាផ្លូវការ';
  const boundaries = (s: string, from: number): Set<number> =>
    new Set([...new Intl.Segmenter('th', { granularity: 'word' }).segment(s)].map((x) => from + x.index).concat(from + s.length));

  for (const [name, run, width] of [['Thai', THAI, 70], ['Khmer', KHMER, 50]] as const) {
    it(`breaks a ${name} run between dictionary words, after a Latin word on the first line too`, () => {
      const text = `Xem: ${run}`;
      const lines = breakLines(m, { text, font: 'regular', size: 10, width });
      expect(lines.length).toBeGreaterThan(2);
      // A line ends between dictionary words, or at the space after "Xem:".
      const ok = boundaries(run, 'Xem: '.length).add('Xem:'.length);
      for (const line of lines) {
        expect(line.width).toBeLessThanOrEqual(width + 1e-6);
        expect(ok.has(line.end), `line ends at ${line.end}: ${text.slice(line.start, line.end)}`).toBe(true);
      }
      // Nothing lost: the lines put back together are the text.
      expect(lines.map((l) => text.slice(l.start, l.end)).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
    });
  }
});
