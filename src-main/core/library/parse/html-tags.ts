/**
 * Linear scans over an HTML string's tags, before any tree is built: nesting depth, start-tag
 * count, and flattening past a maximum depth. A tag runs from `<` + letter (or `</` + letter) to
 * the next `>`, as the HTML tokenizer reads `<a<a<a>`; scanning resumes after that `>`, so every
 * character is looked at a bounded number of times (a regex with `[^>]*?` rescanned to the end of
 * the page from every `<` without a `>`: quadratic).
 */

/** Chromium's maximum DOM depth (HTMLConstructionSite): deeper elements become siblings. */
export const MAX_DOM_DEPTH = 512;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'source', 'track', 'wbr', 'param', 'keygen']);

/** A tag found by `scanTags`: [start, end) in the string, its lowercase name, whether it closes. */
interface TagSpan {
  start: number;
  end: number;
  name: string;
  closing: boolean;
}

function isLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

function isNameChar(c: number): boolean {
  return isLetter(c) || (c >= 48 && c <= 57) || c === 45;
}

/** Calls `visit` for each tag in order until it returns false. */
function scanTags(html: string, visit: (t: TagSpan) => boolean): void {
  let i = html.indexOf('<');
  while (i !== -1 && i < html.length - 1) {
    const closing = html.charCodeAt(i + 1) === 47; // '/'
    const nameStart = closing ? i + 2 : i + 1;
    if (!isLetter(html.charCodeAt(nameStart))) {
      i = html.indexOf('<', i + 1);
      continue;
    }
    let nameEnd = nameStart;
    while (nameEnd < html.length && isNameChar(html.charCodeAt(nameEnd))) nameEnd++;
    const gt = html.indexOf('>', nameEnd);
    if (gt === -1) return;
    if (!visit({ start: i, end: gt + 1, name: html.slice(nameStart, nameEnd).toLowerCase(), closing })) return;
    i = html.indexOf('<', gt + 1);
  }
}

/**
 * Whether a start tag opens a level of nesting. Every non-void element counts, `<div/>` included:
 * HTML ignores the self-closing slash on non-void elements, so 5,000 `<div/>` are 5,000 nested
 * divs (that flood once passed a limit that skipped self-closing tags). `p` and `li` close
 * themselves when repeated, so they do not.
 */
function nests(name: string): boolean {
  return !VOID.has(name) && name !== 'p' && name !== 'li';
}

/** Maximum element nesting depth from the tags alone; stops counting past `limit`. */
export function tagDepth(html: string, limit: number): number {
  let depth = 0;
  let max = 0;
  scanTags(html, (t) => {
    if (t.closing) depth = Math.max(0, depth - 1);
    else if (nests(t.name)) depth++;
    if (depth > max) max = depth;
    return max <= limit;
  });
  return max;
}

/** Number of start tags (`<` followed by a letter), counting stops past `limit`. */
export function countStartTags(html: string, limit: number): number {
  const re = /<[a-zA-Z]/g;
  let n = 0;
  while (re.exec(html) && n <= limit) n++;
  return n;
}

/**
 * `html` with the start tags that would nest deeper than `maxDepth` removed, and as many end tags
 * after them: their content stays, as siblings at the deepest level (Chromium's behaviour). Text
 * is untouched. One pass; pages within the depth are returned as they are.
 */
export function capDepth(html: string, maxDepth: number): string {
  const out: string[] = [];
  let from = 0;
  let depth = 0;
  let dropped = 0;
  scanTags(html, (t) => {
    let drop = false;
    if (t.closing) {
      if (dropped > 0) { dropped--; drop = true; } else depth = Math.max(0, depth - 1);
    } else if (nests(t.name)) {
      if (depth >= maxDepth) { dropped++; drop = true; } else depth++;
    }
    if (drop) {
      out.push(html.slice(from, t.start));
      from = t.end;
    }
    return true;
  });
  out.push(html.slice(from));
  return out.join('');
}
