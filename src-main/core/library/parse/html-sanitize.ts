/**
 * Sanitising untrusted article HTML over a linkedom DOM. Folio keeps only text, so the real
 * guarantee is structural: dangerous elements are removed before anything reads the tree, and
 * attributes (event handlers, `javascript:` URLs, remote resources) never reach the output,
 * which is plain text. DOMPurify runs as well when it works over linkedom (checked once by a
 * probe at load: with linkedom 0.18 its node iterator finds no nodes, and DOMPurify then
 * returns its input unchanged, so we never rely on it alone).
 */
import { parseHTML } from 'linkedom';
import createDOMPurify from 'dompurify';

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

type Purifier = (html: string) => string;

function makePurifier(): Purifier | null {
  try {
    const { window } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    const purify = createDOMPurify(window as unknown as Parameters<typeof createDOMPurify>[0]);
    if (!purify.isSupported) return null;
    const run: Purifier = (html) =>
      String(purify.sanitize(html, { FORBID_TAGS: [...DANGEROUS_TAGS], FORBID_ATTR: ['style', 'src', 'srcset', 'href', 'action'] }));
    const probe = run('<p>ok</p><script>bad()</script><img src="http://x/y.png" onerror="bad()">');
    return /script|onerror|img/i.test(probe) || !probe.includes('ok') ? null : run;
  } catch {
    return null;
  }
}

const purifier = makePurifier();

/** Sanitise an HTML fragment: DOMPurify when it works here, then our structural strip. */
export function sanitizeHtml(html: string): string {
  const first = purifier ? purifier(html) : html;
  const { document } = parseHTML(`<!doctype html><html><head></head><body>${first}</body></html>`);
  stripDangerous(document);
  return document.body?.innerHTML ?? '';
}

/** Whether DOMPurify is active (for the report and tests). */
export function domPurifyActive(): boolean {
  return purifier !== null;
}
