/**
 * Untrusted article HTML over a linkedom DOM. Folio keeps only text, so the guarantee is
 * structural: dangerous elements are removed before anything reads the tree, only text nodes are
 * read, and attributes (event handlers, `javascript:` URLs, remote resources) never reach the
 * output, which is plain text.
 */

/** Elements whose content is never article text, or that can load or run something. */
export const DANGEROUS_TAGS = [
  'script', 'style', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'input',
  'button', 'select', 'textarea', 'option', 'noscript', 'template', 'svg', 'math', 'link', 'meta',
  'base', 'img', 'picture', 'source', 'video', 'audio', 'track', 'canvas', 'map', 'area', 'dialog',
  'portal', 'param',
  // Raw-text elements: their content is markup-looking text, never article text.
  'xmp', 'plaintext', 'noembed', 'noframes', 'title',
] as const;
/*
 * `form` is not listed: its controls are, and the page's own text inside a form stays. The tree
 * builder (htmlparser2, not the WHATWG algorithm) nests a second `<form>` instead of ignoring it,
 * so removing forms whole lost the rest of a hostile page (tests/fixtures/hostile/10-mxss.html).
 */
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
