/**
 * DOMPurify over a real DOM. DOMPurify finds no nodes over linkedom (its probe returned the
 * input unchanged), so it runs over one jsdom window, created lazily on the first page and
 * reused. jsdom (parse5) is slow on hostile shapes — parsing cost grows with depth squared
 * (5 000 nested divs took 11 s and 20 000 overflowed the stack) and ~0.6 ms per KB of text — so
 * pages over the limits are not purified here: html.ts then reduces them to text with its own
 * structural strip alone (which is iterative and linear). Output is plain text either way.
 */
import { createRequire } from 'node:module';
import createDOMPurify from 'dompurify';
import { DANGEROUS_TAGS } from './html-sanitize';

/** When DOMPurify runs; pages over any limit skip it (see the module comment). */
export interface PurifyLimits {
  /** Characters of HTML (default 1 000 000: ~0.6 s of jsdom parsing here). */
  maxChars: number;
  /** Start tags (default 20 000: bounds the node count jsdom builds). */
  maxTags: number;
  /** Element nesting depth, counted from the tags (default 400; Chromium itself caps at 512). */
  maxDepth: number;
}

/** Default purify limits. */
export const DEFAULT_PURIFY_LIMITS: PurifyLimits = { maxChars: 1_000_000, maxTags: 20_000, maxDepth: 400 };

/** Elements removed with their content; the contract's list plus everything html-sanitize strips. */
export const PURIFY_FORBID_TAGS: readonly string[] = [
  ...new Set(['script', 'style', 'iframe', 'object', 'embed', 'form', 'input', 'button', 'base', 'meta', 'link', 'svg', 'math', ...DANGEROUS_TAGS]),
];

/**
 * Attributes that load or style something: CSS `url()` in `style`, image sources, form targets,
 * pings. Event handlers (`on*`) are always removed by DOMPurify.
 */
export const PURIFY_FORBID_ATTR: readonly string[] = ['style', 'src', 'srcset', 'action', 'formaction', 'ping', 'background', 'poster', 'xlink:href', 'lowsrc', 'dynsrc'];

/** Link targets kept: http(s), mailto, fragments and relative paths. Never data:, javascript:, vbscript:, file:. */
export const PURIFY_URI = /^(?:https?:|mailto:|#|\/|\.{1,2}\/|[^:/?#]*(?:[/?#]|$))/i;

type Sanitize = (html: string) => string;
let sanitizer: Sanitize | null | undefined;

function createSanitizer(): Sanitize | null {
  try {
    // jsdom is CommonJS and heavy (~0.3 s to load): required on first use, not at import.
    const require = createRequire(import.meta.url);
    const { JSDOM } = require('jsdom') as typeof import('jsdom');
    const { window } = new JSDOM('<!doctype html><html><body></body></html>');
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purify.isSupported) return null;
    const config = {
      WHOLE_DOCUMENT: true,
      FORBID_TAGS: [...PURIFY_FORBID_TAGS],
      // Removed with their content (DOMPurify keeps a forbidden element's text by default).
      ADD_FORBID_CONTENTS: [...PURIFY_FORBID_TAGS],
      FORBID_ATTR: [...PURIFY_FORBID_ATTR],
      ALLOWED_URI_REGEXP: PURIFY_URI,
      ALLOW_DATA_ATTR: false,
      ALLOW_UNKNOWN_PROTOCOLS: false,
    };
    return (html) => String(purify.sanitize(html, config));
  } catch {
    return null;
  }
}

/** Why a page is not purified, or null when it is within the limits. */
export function overPurifyLimits(html: string, depth: (limit: number) => number, limits: PurifyLimits = DEFAULT_PURIFY_LIMITS): string | null {
  if (html.length > limits.maxChars) return `over ${limits.maxChars} characters`;
  if (countStartTags(html, limits.maxTags) > limits.maxTags) return `over ${limits.maxTags} tags`;
  if (depth(limits.maxDepth) > limits.maxDepth) return `nested deeper than ${limits.maxDepth}`;
  return null;
}

/** Number of start tags (`<` followed by a letter), counting stops past `limit`. */
export function countStartTags(html: string, limit: number): number {
  const re = /<[a-zA-Z]/g;
  let n = 0;
  while (re.exec(html) && n <= limit) n++;
  return n;
}

/** The whole document sanitised by DOMPurify, or null when DOMPurify cannot run here. */
export function purifyDocument(html: string): string | null {
  if (sanitizer === undefined) sanitizer = createSanitizer();
  return sanitizer ? sanitizer(html) : null;
}

/** Whether DOMPurify is active (loads jsdom on first call). */
export function domPurifyActive(): boolean {
  if (sanitizer === undefined) sanitizer = createSanitizer();
  return sanitizer !== null;
}
