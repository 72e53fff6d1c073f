/**
 * Hostile article files (tests/fixtures/hostile/): DOMPurify really sanitises them (over jsdom),
 * the parsed article keeps its readable text and nothing executable or remote, and shapes that
 * make HTML parsers slow (deep nesting, huge single lines, formatting-element "bombs") stay
 * bounded in time.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../../../src-main/core/library/parse/html';
import { countStartTags, domPurifyActive, overPurifyLimits, purifyDocument, DEFAULT_PURIFY_LIMITS } from '../../../src-main/core/library/parse/html-purify';
import { readParsedFile } from '../../../src-main/core/library/read-file';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/hostile');
const files = readdirSync(DIR).sort();
const htmlFiles = files.filter((f) => f.endsWith('.html'));

/** The sentinel sentence every fixture carries (`Sentinel NN: ...`). */
function sentinel(text: string): string {
  const m = /Sentinel \d\d: [^.<]+\./.exec(text);
  if (!m) throw new Error('fixture without a sentinel sentence');
  return m[0];
}

describe('DOMPurify over jsdom', () => {
  it('is active (it was a no-op over linkedom)', () => {
    expect(domPurifyActive()).toBe(true);
  });

  it.each(htmlFiles)('%s: removes scripts, handlers, frames, remote and script URLs, CSS', (file) => {
    const out = purifyDocument(readFileSync(path.join(DIR, file), 'utf8'));
    expect(out).not.toBeNull();
    const html = out ?? '';
    for (const bad of [/<script/i, /<iframe/i, /<object/i, /<embed/i, /<svg/i, /<math/i, /<form/i, /<input/i, /<button/i, /<base/i, /<meta/i, /<link/i, /<style/i, /<img/i, /\son\w+\s*=/i, /javascript:/i, /data:/i, /url\(/i, /style=/i, /evil\.example\/(?!ping")/]) {
      expect(html, `${file}: ${String(bad)}`).not.toMatch(bad);
    }
  });

  it('keeps ordinary links and text', () => {
    const out = purifyDocument('<p>Read <a href="https://example.org/a">the source</a> and <a href="notes/b.html">notes</a>.</p>') ?? '';
    expect(out).toContain('href="https://example.org/a"');
    expect(out).toContain('href="notes/b.html"');
    expect(out).toContain('the source');
  });
});

describe('hostile fixtures through the library reader', () => {
  it.each(files)('%s: readable text kept, nothing executable or remote', async (file) => {
    const r = await readParsedFile(path.join(DIR, file), file);
    expect('version' in r, JSON.stringify(r)).toBe(true);
    if (!('version' in r)) return;
    const text = r.version.paragraphs.map((p) => p.text).join('\n');
    expect(text).toContain(sentinel(readFileSync(path.join(DIR, file), 'utf8')));
    if (file.endsWith('.txt')) return; // a text file's tags are its literal text
    const everything = JSON.stringify(r.version);
    for (const bad of ['evil.example', 'onerror', 'javascript:', 'data:', 'NOSCRIPT TEXT', 'FORM VALUE', 'FORM BUTTON', 'FORM TEXTAREA', 'FORM OPTION']) {
      expect(everything, `${file}: ${bad}`).not.toContain(bad);
    }
    if (file.endsWith('.html')) {
      expect(everything).not.toContain('__pwned');
      expect(everything).not.toMatch(/<|alert\(/);
    }
  });
});

// Hostile shapes parse to their text; how long each takes is measured by `npm run bench`
// (bench/cost), not asserted here (the test timeout still catches a runaway parse).
describe('parser on hostile shapes', () => {

  it('counts start tags and reports why a page is not purified', () => {
    expect(countStartTags('<p>a</p><br/><b>x', 100)).toBe(3);
    expect(countStartTags('<p>'.repeat(50), 10)).toBe(11);
    const depth = () => 0;
    expect(overPurifyLimits('<p>x</p>', depth)).toBeNull();
    expect(overPurifyLimits('x'.repeat(DEFAULT_PURIFY_LIMITS.maxChars + 1), depth)).toMatch(/characters/);
    expect(overPurifyLimits('<i>'.repeat(DEFAULT_PURIFY_LIMITS.maxTags + 1), depth)).toMatch(/tags/);
    expect(overPurifyLimits('<p>x</p>', () => 10_000)).toMatch(/nested/);
  });

  it('5 000 and 20 000 nested divs: text kept', () => {
    for (const n of [5_000, 20_000]) {
      const value = parseHtml(`<p>Sentinel deep ${n}.</p>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`);
      expect(value.paragraphs.map((p) => p.text)).toEqual([`Sentinel deep ${n}.`, 'deep text']);
    }
  });

  it('20 000 unclosed <b>, 3 000 nested lists, 20 000 <a>: text kept', () => {
    for (const html of ['<b>'.repeat(20_000) + 'bold text', '<ul><li>'.repeat(3_000) + 'list text', '<a>x'.repeat(20_000)]) {
      const value = parseHtml(html);
      expect(value.paragraphs.length).toBeGreaterThan(0);
    }
  });

  it('a small page that the HTML algorithm expands (reopened formatting elements) keeps every paragraph', () => {
    // Each <p> reopens up to 3 of each of the 14 formatting elements (WHATWG "Noah's Ark" clause).
    const open = ['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'].map((t) => `<${t}>`.repeat(3)).join('');
    const value = parseHtml(open + '<p>word '.repeat(15_000));
    expect(value.paragraphs.length).toBe(15_000);
  });

  it('a 1 MB article page is purified', () => {
    const para = `<p>${'The ferry timetable changed again this spring. '.repeat(20)}</p>\n`;
    const html = `<html lang="en"><body><article><h1>Long page</h1>${para.repeat(Math.floor(1_000_000 / para.length))}</article></body></html>`;
    expect(overPurifyLimits(html, () => 1)).toBeNull();
    const value = parseHtml(html);
    expect(value.paragraphs.length).toBeGreaterThan(900);
  });

  it('100 000 unclosed paragraphs (over the purify and Readability limits) all parse', () => {
    const value = parseHtml('<p>line'.repeat(100_000));
    expect(value.paragraphs.length).toBe(100_000);
  });

  it('a 10 MB single-line page is reduced to text, with scripts still removed', () => {
    const html = `<html><body><p>${'chữ '.repeat(2_500_000)}</p><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"></body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const value = parseHtml(html);
    expect(value.paragraphs).toHaveLength(1);
    expect(JSON.stringify(value)).not.toContain('__pwned');
  });
});
