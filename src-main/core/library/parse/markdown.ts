/**
 * Markdown with YAML front matter into metadata and plain-text paragraphs. Only block structure
 * matters to the reader (CommonMark block kinds: headings, lists, quotes, fences); inline markup
 * is reduced to its text.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { Paragraph, ParagraphKind } from '../../../shared/types';
import { normaliseTimestamp } from './vietnamese-date';

/** Metadata read from front matter (all optional). */
export interface FrontMatter {
  title?: string;
  date?: string;
  author?: string;
  source?: string;
  lang?: string;
  tags: string[];
  /** Relative path of the other language version (`translation:` or `translation_of:`). */
  translation?: string;
  /** `id:` shared by the language versions of one article (paired with `lang:`). */
  pairId?: string;
}

/** A parsed Markdown document. */
export interface MarkdownDocument {
  meta: FrontMatter;
  paragraphs: Paragraph[];
}

const scalar = z.union([z.string(), z.number(), z.date()]).transform((v) =>
  v instanceof Date ? v.toISOString().slice(0, v.getUTCHours() || v.getUTCMinutes() ? 19 : 10) : String(v),
);
const FrontMatterSchema = z
  .object({
    title: scalar.optional(),
    date: scalar.optional(),
    published: scalar.optional(),
    author: z.union([scalar, z.array(scalar)]).optional(),
    authors: z.union([scalar, z.array(scalar)]).optional(),
    source: scalar.optional(),
    lang: scalar.optional(),
    language: scalar.optional(),
    tags: z.union([z.array(scalar), scalar]).optional(),
    translation: scalar.optional(),
    translation_of: scalar.optional(),
    id: scalar.optional(),
  })
  .passthrough();

/** Split `---` front matter from the body; invalid YAML is ignored (the body still reads). */
export function splitFrontMatter(text: string): { meta: FrontMatter; body: string } {
  const m = /^---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/.exec(text);
  if (!m) return { meta: { tags: [] }, body: text };
  const body = text.slice(m[0].length);
  let raw: unknown;
  try {
    raw = parseYaml(m[1] ?? '');
  } catch {
    return { meta: { tags: [] }, body };
  }
  const parsed = FrontMatterSchema.safeParse(raw ?? {});
  if (!parsed.success) return { meta: { tags: [] }, body };
  const d = parsed.data;
  const tags = d.tags === undefined ? [] : Array.isArray(d.tags) ? d.tags : d.tags.split(',');
  const meta: FrontMatter = { tags: tags.map((t) => t.trim()).filter(Boolean) };
  if (d.title) meta.title = inlineText(d.title);
  // Web clippers write `published:` for the article's date (and `created:` for the clip's).
  const date = d.date ?? d.published;
  if (date) meta.date = normaliseDate(date);
  const author = d.author ?? d.authors;
  if (author) meta.author = (Array.isArray(author) ? author : [author]).map(unwikiLink).filter(Boolean).join(', ');
  if (d.source) meta.source = d.source;
  const lang = d.lang ?? d.language;
  if (lang) meta.lang = lang.toLowerCase();
  const translation = d.translation ?? d.translation_of;
  if (translation) meta.translation = unwikiLink(translation);
  if (d.id) meta.pairId = d.id.trim();
  return { meta, body };
}

function normaliseDate(s: string): string {
  return normaliseTimestamp(s) ?? s;
}

/** Obsidian wiki-links in front matter: "[[Name]]" → "Name", "[[page|Shown]]" → "Shown". */
function unwikiLink(s: string): string {
  return s.replace(/\[\[([^\]|]*)(?:\|([^\]]*))?\]\]/g, (_, target: string, alias?: string) => (alias ?? target).trim()).trim();
}

/**
 * The inline parser: markdown-it, which keeps CommonMark's delimiter algorithm linear on
 * pathological input (long runs of `*`, `_`, `[`, backticks; it carries cmark's pathological
 * tests). Our former regex chain was quadratic on a line of `*a` repeated (30 KB: 2.9 s).
 * `html: true` so inline tags are recognised (and dropped), `linkify: false` (plain URLs stay text);
 * the default preset adds GFM strikethrough.
 */
const inlineParser = new MarkdownIt('default', { html: true, linkify: false, typographer: false });
// Every link keeps its text: the target is dropped anyway, so a `javascript:` link must not be
// left as literal Markdown (with its target) by markdown-it's URL check.
inlineParser.validateLink = () => true;

/** Text of inline tokens: emphasis, code, links, images (their alt), autolinks; HTML tags dropped. */
function tokensText(tokens: readonly Token[]): string {
  let out = '';
  for (const t of tokens) {
    if (t.type === 'text' || t.type === 'code_inline') out += t.content;
    else if (t.type === 'softbreak' || t.type === 'hardbreak') out += ' ';
    else if (t.type === 'image') out += tokensText(t.children ?? []);
  }
  return out;
}

/** Reduce inline Markdown (emphasis, code, links, images, autolinks, HTML tags, escapes) to text. */
export function inlineText(s: string): string {
  const blocks = inlineParser.parseInline(s, {});
  return blocks.map((b) => tokensText(b.children ?? [])).join('').replace(/\s+/g, ' ').trim();
}

/**
 * An ATX heading's text without its optional closing `#`s. By hand: the regex it replaces
 * (`(.*?)\s*#*\s*$`) backtracked quadratically on a heading line full of spaces.
 */
function atxContent(rest: string): string {
  const t = rest.trim();
  let end = t.length;
  while (end > 0 && t[end - 1] === '#') end--;
  if (end === 0) return '';
  return end < t.length && /\s/.test(t[end - 1] ?? '') ? t.slice(0, end).trimEnd() : t;
}

/** Parse a Markdown file's text (NFC) into front matter and paragraphs. */
export function parseMarkdown(text: string): MarkdownDocument {
  const { meta, body } = splitFrontMatter(text.replace(/^\ufeff/, ''));
  const out: Paragraph[] = [];
  const push = (kind: ParagraphKind, t: string): void => {
    const clean = kind === 'preformatted' ? t.replace(/\s+$/, '') : inlineText(t);
    if (clean) out.push({ index: out.length, kind, text: clean });
  };
  const lines = body.replace(/\r\n?/g, '\n').split('\n');
  let para: string[] = [];
  let paraKind: ParagraphKind = 'paragraph';
  const flush = (): void => {
    if (para.length) push(paraKind, para.join(' '));
    para = [];
    paraKind = 'paragraph';
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    const fence = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      flush();
      const code: string[] = [];
      const marker = fence[1] ?? '```';
      for (i++; i < lines.length && !(lines[i] ?? '').trimStart().startsWith(marker); i++) code.push(lines[i] ?? '');
      push('preformatted', code.join('\n'));
      continue;
    }
    if (/^\s*$/.test(line)) { flush(); continue; }
    if (/^ {0,3}([-*_])(\s*\1){2,}\s*$/.test(line)) { flush(); continue; } // thematic break
    if (/^ {0,3}\[[^\]]+\]:\s*\S+/.test(line)) { flush(); continue; } // link reference definition
    const atx = /^ {0,3}#{1,6}(?=\s|$)/.exec(line);
    if (atx) { flush(); push('heading', atxContent(line.slice(atx[0].length))); continue; }
    const next = lines[i + 1] ?? '';
    if (para.length === 0 && /^ {0,3}(=+|-+)\s*$/.test(next) && line.trim() && !/^ {0,3}[-*+>]/.test(line)) {
      push('heading', line); // setext heading
      i++;
      continue;
    }
    const item = /^ {0,3}(?:[-*+]|\d{1,9}[.)])\s+(.*)$/.exec(line);
    if (item) { flush(); para = [item[1] ?? '']; paraKind = 'list-item'; continue; }
    const quote = /^ {0,3}>\s?(.*)$/.exec(line);
    if (quote) {
      if (paraKind !== 'quote') flush();
      paraKind = 'quote';
      if ((quote[1] ?? '').trim() === '') { flush(); paraKind = 'quote'; } else para.push(quote[1] ?? '');
      continue;
    }
    if (paraKind === 'quote') flush();
    para.push(line.trim());
  }
  flush();
  // A leading heading that repeats the title is the title, not a paragraph.
  const first = out[0];
  if (meta.title && first?.kind === 'heading' && first.text === meta.title) {
    out.shift();
    out.forEach((p, k) => { p.index = k; });
  }
  return { meta, paragraphs: out };
}
