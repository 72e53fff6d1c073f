/**
 * Pathological inputs, in the spirit of cmark's pathological tests (issue 15, finding 3): each
 * shape gives the right text, and its cost grows linearly. Growth is measured in this one process
 * as CPU time (process.cpuUsage: other jobs on the machine do not inflate it, as they did wall
 * time) at n and at 8n, each the fastest of 2-4 alternating runs after a warm-up (see growth),
 * inputs of 100 KB+: below that V8 showed a one-off step (~18x from 16k to 64k repeats for any shape). Linear work
 * takes ~8x, quadratic ~64x; the bound is 32x (linear parsers measured up to ~15x per 4x growth
 * under load from other jobs, so a tighter bound flaked).
 * No absolute time is asserted.
 */
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src-main/core/library/parse/markdown';
import { capDepth, parseHtml, tagDepth } from '../../../src-main/core/library/parse/html';

const GROWTH = 8;
const MAX_RATIO = 32;

/** CPU time of this process in ms: unlike wall time, not inflated while other jobs hold the cores. */
function cpuMs(run: () => void): number {
  const before = process.cpuUsage();
  run();
  const used = process.cpuUsage(before);
  return (used.user + used.system) / 1000;
}

/**
 * CPU time at 8n over CPU time at n, each the fastest of up to 4 runs, the two sizes alternating
 * (the small run floored at 1 ms, so noise cannot inflate the ratio). The parser is warmed on the
 * small input only. After 2 rounds a ratio at or under half the bound ends the measurement:
 * quadratic work (~64x) cannot get there, as noise only slows runs down and the big runs would
 * need to be 4x faster than their own cost; a ratio nearer the bound gets the 2 further rounds.
 * This halves the parses of the 8n input, which are nearly all of this file's time.
 */
function growth(parse: (s: string) => unknown, make: (n: number) => string, n: number): number {
  const small = make(n);
  const big = make(n * GROWTH);
  parse(small);
  let bestSmall = Infinity;
  let bestBig = Infinity;
  for (let round = 1; round <= 4; round++) {
    bestSmall = Math.min(bestSmall, cpuMs(() => parse(small)));
    bestBig = Math.min(bestBig, cpuMs(() => parse(big)));
    if (round >= 2 && bestBig / Math.max(1, bestSmall) <= MAX_RATIO / 2) break;
  }
  return bestBig / Math.max(1, bestSmall);
}

const mdText = (s: string): string => parseMarkdown(s).paragraphs.map((p) => p.text).join('\n');
const htmlText = (s: string): string[] => parseHtml(s).paragraphs.map((p) => p.text);
const count = (s: string, c: string): number => s.split(c).length - 1;

interface Case<T> {
  name: string;
  make: (n: number) => string;
  n: number;
  check: (out: T, n: number) => void;
}

const markdown: Case<string>[] = [
  { name: 'a run of *a', make: (n) => '*a'.repeat(n), n: 64_000, check: (t, n) => expect(t.replace(/\*/g, '')).toBe('a'.repeat(n)) },
  { name: 'a run of _a', make: (n) => '_a'.repeat(n), n: 64_000, check: (t, n) => expect(t).toBe('_a'.repeat(n)) },
  { name: 'a run of [', make: (n) => `${'['.repeat(n)}a`, n: 64_000, check: (t, n) => expect(t).toBe(`${'['.repeat(n)}a`) },
  { name: 'unclosed links [a](', make: (n) => '[a]('.repeat(n), n: 32_000, check: (t, n) => expect(count(t, 'a')).toBe(n) },
  { name: 'nested emphasis', make: (n) => `${'*'.repeat(n)}a${'*'.repeat(n)}`, n: 32_000, check: (t) => expect(t).toBe('a') },
  { name: 'mixed * and _ emphasis', make: (n) => '*a _b '.repeat(n), n: 32_000, check: (t, n) => expect([count(t, 'a'), count(t, 'b')]).toEqual([n, n]) },
  { name: 'backtick runs', make: (n) => '`a``'.repeat(n), n: 64_000, check: (t, n) => expect(count(t, 'a')).toBe(n) },
  { name: 'unclosed tags <a', make: (n) => '<a'.repeat(n), n: 64_000, check: (t, n) => expect(t).toBe('<a'.repeat(n)) },
  { name: 'unclosed strikethrough ~~a', make: (n) => '~~a'.repeat(n), n: 32_000, check: (t, n) => expect(count(t, 'a')).toBe(n) },
  { name: 'unclosed images ![a', make: (n) => '![a'.repeat(n), n: 32_000, check: (t, n) => expect(count(t, 'a')).toBe(n) },
  { name: 'deep lists', make: (n) => Array.from({ length: n }, (_, i) => `${'  '.repeat(i % 100)}- a`).join('\n'), n: 4_000, check: (t, n) => expect(count(t, 'a')).toBe(n) },
  { name: 'deep block quotes', make: (n) => `${'> '.repeat(n)}a`, n: 64_000, check: (t) => expect(t.endsWith('a')).toBe(true) },
  { name: 'a heading full of spaces', make: (n) => `# a${' '.repeat(n)}b`, n: 80_000, check: (t) => expect(t).toBe('a b') },
];

const html: Case<string[]>[] = [
  { name: '<div/> flood (self-closing non-void tags nest)', make: (n) => '<div/>x'.repeat(n), n: 8_000, check: (p, n) => expect(count(p.join(''), 'x')).toBe(n) },
  { name: 'nested divs', make: (n) => `${'<div>'.repeat(n)}sâu${'</div>'.repeat(n)}`, n: 8_000, check: (p) => expect(p).toEqual(['sâu']) },
  { name: 'unclosed <b>', make: (n) => `${'<b>'.repeat(n)}đậm`, n: 8_000, check: (p) => expect(p).toEqual(['đậm']) },
  { name: 'tags without > (<a<a<a)', make: (n) => `<p>mở đầu</p>${'<a'.repeat(n)}`, n: 16_000, check: (p) => expect(p).toEqual(['mở đầu']) },
  { name: 'unclosed paragraphs', make: (n) => '<p>dòng'.repeat(n), n: 4_000, check: (p, n) => expect(p).toEqual(Array.from({ length: n }, () => 'dòng')) },
  { name: 'nested lists', make: (n) => `${'<ul><li>'.repeat(n)}mục`, n: 4_000, check: (p) => expect(p.at(-1)).toBe('mục') },
];

// Timeouts are hang guards only: the ratios are CPU time, but wall time on a machine shared with
// two CPU hogs and other test workers runs several times the idle figure (one case took 134 s).
describe('the growth measurement', { timeout: 600_000 }, () => {
  it('flags quadratic work (so an early stop cannot pass a quadratic parser)', () => {
    // Compares every character with each one before it: n^2/2 steps.
    const quadratic = (s: string): number => {
      let same = 0;
      for (let i = 0; i < s.length; i++) for (let j = 0; j < i; j++) if (s.charCodeAt(i) === s.charCodeAt(j)) same++;
      return same;
    };
    expect(growth(quadratic, (k) => 'ab'.repeat(k), 1_000)).toBeGreaterThan(MAX_RATIO);
  });
});

describe('pathological Markdown', { timeout: 600_000 }, () => {
  it.each(markdown)('$name: right text, linear cost', ({ make, n, check }) => {
    check(mdText(`# Tiêu đề\n\n${make(n)}\n`).split('\n').slice(1).join('\n'), n);
    expect(growth((s) => parseMarkdown(s), (k) => `# Tiêu đề\n\n${make(k)}\n`, n)).toBeLessThan(MAX_RATIO);
  });
});

describe('pathological HTML', { timeout: 600_000 }, () => {
  it.each(html)('$name: right text, linear cost', ({ make, n, check }) => {
    check(htmlText(make(n)), n);
    expect(growth((s) => parseHtml(s), make, n)).toBeLessThan(MAX_RATIO);
  });

  it('200,000 nested divs: the text, from a tree flattened at 512 levels as Chromium does', () => {
    const page = `<p>Mở đầu.</p>${'<div>'.repeat(200_000)}sâu nhất${'</div>'.repeat(200_000)}<p>Đoạn kết của trang vẫn còn nguyên sau khi cây được làm phẳng.</p>`;
    expect(tagDepth(capDepth(page, 512), 1_000)).toBe(512);
    expect(htmlText(page)).toEqual(['Mở đầu.', 'sâu nhất', 'Đoạn kết của trang vẫn còn nguyên sau khi cây được làm phẳng.']);
  });

  it('flattening keeps every character of text and leaves shallow pages untouched', () => {
    const shallow = '<article><h1>Chợ</h1><p>Sáng <b>sớm</b>.</p></article>';
    expect(capDepth(shallow, 512)).toBe(shallow);
    expect(capDepth('<i><b><u>x</u></b></i>y', 2)).toBe('<i><b>x</b></i>y');
  });
});
