/**
 * Hostile article files (tests/fixtures/hostile/): the parsed article keeps its readable text and
 * nothing executable, remote or markup-like, and shapes that make HTML parsers slow (deep
 * nesting, huge single lines, formatting-element "bombs") still give the right text. How their
 * cost grows with size is checked in pathological.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHtml } from '../../../src-main/core/library/parse/html';
import { countStartTags, tagDepth } from '../../../src-main/core/library/parse/html';
import { readParsedFile } from '../../../src-main/core/library/read-file';

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../fixtures/hostile');
const files = readdirSync(DIR).sort();

/** The sentinel sentence every fixture carries (`Sentinel NN: ...`). */
function sentinel(text: string): string {
  const m = /Sentinel \d\d: [^.<]+\./.exec(text);
  if (!m) throw new Error('fixture without a sentinel sentence');
  return m[0];
}

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

describe('hostile shapes', () => {
  it('counts start tags, and depth with every element (self-closing non-void tags nest in HTML)', () => {
    expect(countStartTags('<p>a</p><br/><b>x', 100)).toBe(3);
    expect(countStartTags('<p>'.repeat(50), 10)).toBe(11);
    expect(tagDepth('<div><div/><span>x</span></div>', 100)).toBe(3);
    expect(tagDepth('<div/>x'.repeat(5_000), 400)).toBe(401);
    expect(tagDepth('<br/><img src=x><hr>'.repeat(1_000), 10)).toBe(0);
    expect(tagDepth('<a<a<a<a>x</a>', 10)).toBe(1);
  });

  it('5 000 and 20 000 nested divs: text kept', () => {
    for (const n of [5_000, 20_000]) {
      const value = parseHtml(`<p>Sentinel deep ${n}.</p>${'<div>'.repeat(n)}deep text${'</div>'.repeat(n)}`);
      expect(value.paragraphs.map((p) => p.text)).toEqual([`Sentinel deep ${n}.`, 'deep text']);
    }
  });

  it('20 000 unclosed <b>, 3 000 nested lists, 20 000 <a>: text kept', () => {
    expect(parseHtml('<b>'.repeat(20_000) + 'bold text').paragraphs.map((p) => p.text)).toEqual(['bold text']);
    expect(parseHtml('<ul><li>'.repeat(3_000) + 'list text').paragraphs.at(-1)?.text).toBe('list text');
    expect(parseHtml('<a>x'.repeat(20_000)).paragraphs.map((p) => p.text)).toEqual(['x'.repeat(20_000)]);
  });

  it('a small page that the HTML algorithm expands (reopened formatting elements) keeps every paragraph', () => {
    // Each <p> reopens up to 3 of each of the 14 formatting elements (WHATWG "Noah's Ark" clause).
    const open = ['a', 'b', 'big', 'code', 'em', 'font', 'i', 'nobr', 's', 'small', 'strike', 'strong', 'tt', 'u'].map((t) => `<${t}>`.repeat(3)).join('');
    expect(parseHtml(open + '<p>word '.repeat(15_000)).paragraphs.length).toBe(15_000);
  });

  it('100 000 unclosed paragraphs (over the Readability limits) keep every paragraph', () => {
    expect(parseHtml('<p>line'.repeat(100_000)).paragraphs.length).toBe(100_000);
  });

  it('a 10 MB single-line page is reduced to its text, with scripts still removed', () => {
    const html = `<html><body><p>${'chữ '.repeat(2_500_000)}</p><script>window.__pwned=1</script><img src=x onerror="window.__pwned=1"></body></html>`;
    expect(html.length).toBeGreaterThan(10_000_000);
    const value = parseHtml(html);
    expect(value.paragraphs).toHaveLength(1);
    expect(JSON.stringify(value)).not.toContain('__pwned');
  });
});
