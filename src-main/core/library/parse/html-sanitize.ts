/**
 * Sanitising untrusted article HTML over a linkedom DOM. Folio keeps only text, so the real
 * guarantee is structural: dangerous elements are removed before anything reads the tree, and
 * attributes (event handlers, `javascript:` URLs, remote resources) never reach the output,
 * which is plain text. This is the second layer: DOMPurify runs first, over jsdom, on pages
 * within its limits (html-purify.ts; over linkedom its node iterator finds no nodes).
 */
import { parseHTML } from 'linkedom';

/** Elements whose content is never article text, or that can load or run something. */
export const DANGEROUS_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form', 'input',
  'button', 'select', 'textarea', 'option', 'noscript', 'template', 'svg', 'math', 'link', 'meta',
  'base', 'img', 'picture', 'source', 'video', 'audio', 'track', 'canvas', 'map', 'area', 'dialog',
  'portal', 'param',
] as const;
const DANGEROUS = new Set<string>(DANGEROUS_TAGS);

/** Minimal view of the linkedom nodes we touch. */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<DomNode>;
  parentNode: DomNode | null;
  getAttribute?: (name: string) => string | null;
  remove?: () => void;
}

/** True for element names that must not survive sanitising. */
export function isDangerousTag(name: string): boolean {
  return DANGEROUS.has(name.toLowerCase());
}

/** Remove every dangerous element under `root` (iteratively: nesting depth cannot overflow). */
export function stripDangerous(root: { querySelectorAll: (sel: string) => ArrayLike<{ remove: () => void }> }): void {
  const found = root.querySelectorAll(DANGEROUS_TAGS.join(','));
  const list = Array.from(found);
  for (const el of list) el.remove();
}

/** Sanitise an HTML fragment structurally (the second layer after DOMPurify, see html-purify.ts). */
export function sanitizeHtml(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  stripDangerous(document);
  return document.body?.innerHTML ?? '';
}
