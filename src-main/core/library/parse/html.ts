/**
 * A saved web page into metadata and plain-text paragraphs, parsing the page once: linkedom
 * builds the tree (htmlparser2: linear, no recursion, so depth cannot overflow it), metadata is
 * read from it as attribute strings, dangerous elements are removed (html-sanitize.ts),
 * Readability picks the main content in that same tree (falling back to the body), and block
 * elements become paragraphs (h1-h6 heading, li list-item, blockquote quote, pre preformatted,
 * figcaption caption).
 *
 * Nothing here is ever rendered as markup: the output is plain text, which is why there is no
 * HTML sanitiser in the pipeline (DOMPurify over jsdom used to run first; it parsed the page a
 * second time, cost depth squared, and its output was reduced to text anyway). What keeps markup
 * out is structural: dangerous elements are removed before any text is read, only text nodes are
 * read, and the reader shows text only (tests/core/library/hostile.test.ts).
 */
import { parseHTML } from 'linkedom';
import { Readability } from '@mozilla/readability';
import type { Paragraph, ParagraphKind } from '../../../shared/types';
import { isDangerousTag, stripDangerous, type DomNode } from './html-sanitize';
import { normaliseTimestamp } from './vietnamese-date';
import { cleanArticleLines, type LineDecision } from './article-lines';
import { DATE_ELEMENTS, dateFromMarkedText, readJsonLd } from './html-metadata';
import { matchByline } from './boilerplate';
import { capDepth, countStartTags, MAX_DOM_DEPTH, tagDepth } from './html-tags';

export { capDepth, countStartTags, tagDepth, MAX_DOM_DEPTH };

/** Metadata and paragraphs of an HTML page. */
export interface HtmlDocument {
  title: string;
  date: string | null;
  author: string | null;
  source: string | null;
  lang: string | null;
  captions: string[];
  paragraphs: Paragraph[];
  /** What the line rules decided for each block of the article (for `folio show --explain`). */
  decisions: LineDecision[];
}

/** Pages above this size skip Readability (its scoring is superlinear) and use the body. */
export const READABILITY_MAX_CHARS = 3_000_000;
/** Pages nested deeper than this skip Readability too (its tree scoring degrades badly). */
export const READABILITY_MAX_DEPTH = 400;
/** Pages with more start tags skip Readability (100 000 paragraphs took seconds in it). */
export const READABILITY_MAX_TAGS = 50_000;

/** Limits past which a page skips Readability and is read from its whole body. */
export interface HtmlOptions {
  readability?: Partial<{ maxChars: number; maxTags: number; maxDepth: number }>;
}

const BLOCK_KIND: Record<string, ParagraphKind> = {
  H1: 'heading', H2: 'heading', H3: 'heading', H4: 'heading', H5: 'heading', H6: 'heading',
  LI: 'list-item', BLOCKQUOTE: 'quote', PRE: 'preformatted', FIGCAPTION: 'caption', DT: 'paragraph',
  DD: 'paragraph', P: 'paragraph', DIV: 'paragraph', SECTION: 'paragraph', ARTICLE: 'paragraph',
  MAIN: 'paragraph', HEADER: 'paragraph', FOOTER: 'paragraph', ASIDE: 'paragraph', NAV: 'paragraph',
  FIGURE: 'paragraph', TABLE: 'paragraph', TR: 'paragraph', TD: 'paragraph', TH: 'paragraph',
  UL: 'paragraph', OL: 'paragraph', DL: 'paragraph', HR: 'paragraph', BR: 'paragraph', ADDRESS: 'paragraph',
  CAPTION: 'caption',
};

/**
 * Pushes `node`'s children in reverse so they pop in document order. linkedom builds a new
 * `childNodes` array on every access, so it is read once here: indexing it in the loop made a
 * page of 10 000 unclosed <p> take seconds (quadratic).
 */
function pushChildren(stack: (DomNode | { leave: string })[], node: DomNode): void {
  const kids = Array.from(node.childNodes);
  for (let i = kids.length - 1; i >= 0; i--) { const c = kids[i]; if (c) stack.push(c); }
}

/** Plain-text blocks of a (sanitised) DOM subtree, walked iteratively in document order. */
export function blocksOf(root: DomNode): { kind: ParagraphKind; text: string }[] {
  const out: { kind: ParagraphKind; text: string }[] = [];
  const kinds: ParagraphKind[] = ['paragraph'];
  let buf = '';
  let pre = 0;
  const flush = (): void => {
    const kind = kinds[kinds.length - 1] ?? 'paragraph';
    const text = kind === 'preformatted' ? buf.replace(/^\n+|\s+$/g, '') : buf.replace(/\s+/g, ' ').trim();
    if (text) out.push({ kind, text: text.normalize('NFC') });
    buf = '';
  };
  // Stack entries: a node to enter, or a marker to leave a block element.
  const stack: (DomNode | { leave: string })[] = [];
  pushChildren(stack, root);
  while (stack.length) {
    const item = stack.pop();
    if (!item) break;
    if ('leave' in item) {
      flush();
      kinds.pop();
      if (item.leave === 'PRE') pre--;
      continue;
    }
    if (item.nodeType === 3) { buf += pre > 0 ? item.textContent ?? '' : (item.textContent ?? '').replace(/\s+/g, ' '); continue; }
    if (item.nodeType !== 1 || isDangerousTag(item.nodeName)) continue;
    const name = item.nodeName.toUpperCase();
    const blockKind = BLOCK_KIND[name];
    if (blockKind === undefined) {
      pushChildren(stack, item);
      continue;
    }
    flush();
    const parentKind = kinds[kinds.length - 1] ?? 'paragraph';
    // Inside a quote or list item, plain blocks keep the outer kind (a <p> in a <blockquote>).
    kinds.push(blockKind === 'paragraph' && parentKind !== 'paragraph' ? parentKind : blockKind);
    if (name === 'PRE') pre++;
    stack.push({ leave: name });
    pushChildren(stack, item);
  }
  flush();
  return out;
}

interface MetaDoc {
  querySelector: (sel: string) => { getAttribute: (n: string) => string | null; textContent: string | null } | null;
  querySelectorAll: (sel: string) => Iterable<{ textContent: string | null }>;
}

function meta(doc: MetaDoc, ...selectors: string[]): string | null {
  for (const sel of selectors) {
    const el = doc.querySelector(sel);
    const v = (el?.getAttribute('content') ?? el?.getAttribute('datetime') ?? '').trim();
    if (v) return v;
  }
  return null;
}

/** ISO timestamps from meta tags, as local time without offset (`2021-02-03T10:00:00`). */
const normaliseDate = normaliseTimestamp;

function cleanText(s: string | null | undefined): string | null {
  const t = (s ?? '').replace(/\s+/g, ' ').trim().normalize('NFC');
  return t && !/^(https?:|javascript:|data:)/i.test(t) ? t : null;
}

/** Parse a saved HTML page (NFC text), building its tree once. Throws only if even the body fallback fails. */
export function parseHtml(input: string, opts: HtmlOptions = {}): HtmlDocument {
  // linkedom leaves <body> empty for a bare fragment: give it a document shell.
  const html = /<html[\s>]/i.test(input.slice(0, 4096)) ? input : `<!doctype html><html><body>${input}</body></html>`;
  const limits = { maxChars: READABILITY_MAX_CHARS, maxTags: READABILITY_MAX_TAGS, maxDepth: READABILITY_MAX_DEPTH, ...opts.readability };
  // The tree builder keeps its open elements in an array it shifts and unshifts (O(depth) per
  // tag): a page nested deeper than browsers allow is flattened first, as Chromium does.
  const { document } = parseHTML(tagDepth(html, MAX_DOM_DEPTH) > MAX_DOM_DEPTH ? capDepth(html, MAX_DOM_DEPTH) : html);
  const doc = document as unknown as MetaDoc & { title: string; documentElement: DomNode & { getAttribute: (n: string) => string | null } | null; body: DomNode | null };
  // Metadata first: attribute strings of <meta> elements, which the strip below removes.
  const metaTitle = meta(doc, 'meta[property="og:title"]', 'meta[name="twitter:title"]');
  const metaDate = meta(doc, 'meta[property="article:published_time"]', 'meta[name="pubdate"]', 'meta[itemprop="datePublished"]', 'meta[name="date"]', 'time[datetime]');
  const metaAuthor = meta(doc, 'meta[name="author"]', 'meta[property="article:author"]');
  const metaSite = meta(doc, 'meta[property="og:site_name"]', 'meta[name="application-name"]');
  const lang = cleanText(doc.documentElement?.getAttribute('lang'))?.slice(0, 2).toLowerCase() ?? null;
  const jsonLd = readJsonLd([...doc.querySelectorAll('script[type="application/ld+json"]')].map((s) => s.textContent ?? ''));
  // Read only when nothing else gave a date, and only on pages Readability would read too.
  const markedDate = (): string | null => (html.length <= limits.maxChars && countStartTags(html, limits.maxTags) <= limits.maxTags
    ? dateFromMarkedText([...doc.querySelectorAll(DATE_ELEMENTS)].map((e) => e.textContent ?? '')) : null);
  const docTitle = cleanText(doc.title);
  stripDangerous(document as unknown as Parameters<typeof stripDangerous>[0]);
  const h1 = cleanText(doc.querySelector('h1')?.textContent);

  let title: string | null = null;
  let byline: string | null = null;
  let published: string | null = null;
  let siteName: string | null = null;
  let blocks: { kind: ParagraphKind; text: string }[] = [];
  let readabilityRan = false;
  if (html.length <= limits.maxChars && countStartTags(html, limits.maxTags) <= limits.maxTags && tagDepth(html, limits.maxDepth) <= limits.maxDepth) {
    readabilityRan = true;
    try {
      // `serializer` hands back the content element itself: no HTML string to parse again.
      const article = new Readability<DomNode>(document as unknown as Document, { charThreshold: 200, serializer: (el) => el as unknown as DomNode }).parse();
      if (article?.content) {
        blocks = blocksOf(article.content);
        title = cleanText(article.title);
        byline = cleanText(article.byline);
        published = article.publishedTime ?? null;
        siteName = cleanText(article.siteName);
      }
    } catch {
      blocks = []; // Readability failed (odd markup): use the body below.
    }
  }
  if (blocks.length === 0) {
    // Readability rearranges the tree it reads: only then is the page parsed a second time.
    const tree = readabilityRan ? (parseHTML(html).document as unknown as typeof doc) : doc;
    if (readabilityRan) stripDangerous(tree as unknown as Parameters<typeof stripDangerous>[0]);
    const body = tree.body ?? tree.documentElement;
    blocks = body ? blocksOf(body) : [];
  }
  const finalTitle = cleanText(metaTitle) ?? h1 ?? title ?? docTitle ?? blocks[0]?.text.slice(0, 120) ?? 'Untitled';
  // Inside the article container too: breadcrumb, date span, byline, newsletter box, share row.
  const cleaned = cleanHtmlBlocks(blocks, finalTitle);
  const paragraphs: Paragraph[] = cleaned.blocks.map((b, index) => ({ index, kind: b.kind, text: b.text }));
  return {
    title: finalTitle,
    date: normaliseDate(metaDate) ?? jsonLd.date ?? cleaned.date ?? markedDate() ?? normaliseDate(published),
    author: bylineName(metaAuthor) ?? jsonLd.author ?? cleaned.author ?? bylineName(byline),
    source: cleanText(metaSite) ?? siteName,
    lang,
    captions: paragraphs.filter((p) => p.kind === 'caption').map((p) => p.text),
    paragraphs,
    decisions: cleaned.decisions,
  };
}

/** "By Jane Roe" / "Tác giả: X" as the name alone; other strings as they are. */
function bylineName(s: string | null | undefined): string | null {
  const t = cleanText(s);
  return t ? matchByline(t) ?? t : null;
}

/** The article blocks the line rules keep, with the date and byline they found. */
function cleanHtmlBlocks(blocks: { kind: ParagraphKind; text: string }[], title: string): {
  blocks: { kind: ParagraphKind; text: string }[]; date: string | null; author: string | null; decisions: LineDecision[];
} {
  const c = cleanArticleLines(blocks.map((b) => b.text), { knownTitle: title, kinds: blocks.map((b) => b.kind), dropHeader: false });
  const kept = blocks.flatMap((b, i) => {
    const action = c.decisions[i]?.action;
    if (action === 'keep') return [b];
    if (action === 'caption') return [{ kind: 'caption' as const, text: b.text }];
    return [];
  });
  // Never lose a whole page to the rules: an article the rules would empty keeps its blocks.
  return kept.length > 0 ? { blocks: kept, date: c.date, author: c.author, decisions: c.decisions } : { blocks: blocks.filter((b) => !(b.kind === 'heading' && b.text === title)), date: c.date, author: c.author, decisions: c.decisions };
}
