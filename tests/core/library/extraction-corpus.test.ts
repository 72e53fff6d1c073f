import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFileBytes } from '../../../src-main/core/library/read-file';
import { ExpectedSchema, formatScore, rate, scoreCorpus, type Tally } from './extraction-score';

const DIR = join(__dirname, '../../fixtures/extraction');

function loadCorpus() {
  return readdirSync(join(DIR, 'expected')).sort().map((name) => {
    const expected = ExpectedSchema.parse(JSON.parse(readFileSync(join(DIR, 'expected', name), 'utf8')));
    const path = join(DIR, 'pages', expected.file);
    const bytes = readFileSync(path);
    const parsed = parseFileBytes({ bytes, size: bytes.length, mtimeMs: statSync(path).mtimeMs }, expected.file);
    return { expected, version: 'version' in parsed ? parsed.version : null };
  });
}

describe('extraction corpus: pages imitating 14 site layouts, scored field by field', () => {
  const pages = loadCorpus();
  const score = scoreCorpus(pages);

  it('has at least 40 pages from at least 12 layouts', () => {
    expect(pages.length).toBeGreaterThanOrEqual(40);
    expect(new Set(pages.map((p) => p.expected.site)).size).toBeGreaterThanOrEqual(12);
  });

  it('meets the thresholds (title, date, author ≥ 95 %; boilerplate removed ≥ 98 %; body kept 100 %)', () => {
    console.log(`extraction corpus, ${pages.length} pages:\n${formatScore(score)}`);
    const misses = (Object.entries(score) as [string, Tally][]).flatMap(([name, t]) => t.misses.map((m) => `${name}: ${m}`));
    if (misses.length) console.log(misses.join('\n'));
    expect(rate(score.title)).toBeGreaterThanOrEqual(0.95);
    expect(rate(score.date)).toBeGreaterThanOrEqual(0.95);
    expect(rate(score.author)).toBeGreaterThanOrEqual(0.95);
    expect(rate(score.boilerplateRemoved)).toBeGreaterThanOrEqual(0.98);
    expect(score.bodyKept.misses).toEqual([]);
    expect(rate(score.lang)).toBe(1);
  });
});
