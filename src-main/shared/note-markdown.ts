/**
 * The one parser for the Markdown of a user's note, shared by the app's note view, the PDF's
 * notes and search snippets, so a note reads the same everywhere. markdown-it (CommonMark plus the
 * GFM tables and strikethrough of its default preset) turns a note into a small tree of plain
 * data: paragraphs, headings, lists, block quotes, fenced or indented code, simple tables, rules;
 * inside them text, strong, emphasis, strikethrough, code, links and line breaks.
 *
 * Safety: `html: false`, so tags in a note are text, never markup. Every link is parsed (markdown-it's
 * URL check is switched off so that `[x](javascript:alert(1))` is not left as literal Markdown cut
 * at its first ")"); `safeHref` then decides: only web and mail links (`http:`, `https:`, `mailto:`)
 * become links, any other scheme (javascript:, data:, vbscript:, file:…) keeps just its text.
 */
import MarkdownIt from 'markdown-it';
import type Token from 'markdown-it/lib/token.mjs';
import { mayHoldMarkdown, normaliseNote } from './note-markup';

/** Inline content of a note. */
export type NoteInline =
  | { type: 'text'; text: string }
  | { type: 'strong' | 'em' | 'del'; children: NoteInline[] }
  | { type: 'code'; text: string }
  /** `href` is always a safe web or mail URL (see `safeHref`). */
  | { type: 'link'; href: string; children: NoteInline[] }
  | { type: 'br' };

/** Alignment of a table column (GFM `:--`, `:-:`, `--:`). */
export type NoteAlign = 'left' | 'center' | 'right' | null;

/** Block content of a note. */
export type NoteBlock =
  | { type: 'paragraph'; children: NoteInline[] }
  | { type: 'heading'; level: number; children: NoteInline[] }
  | { type: 'list'; ordered: boolean; start: number; items: NoteBlock[][] }
  | { type: 'quote'; children: NoteBlock[] }
  | { type: 'code'; lang: string; text: string }
  | { type: 'table'; align: NoteAlign[]; head: NoteInline[][]; rows: NoteInline[][][] }
  | { type: 'rule' };

const parser = new MarkdownIt('default', { html: false, linkify: false, typographer: false });
parser.validateLink = () => true;

const SAFE_SCHEME = /^(?:https?:|mailto:)/i;

/**
 * The URL a link may point to, or null. Control characters and spaces are removed first, as
 * browsers do when they read a scheme (so `java\tscript:` is still javascript:).
 */
export function safeHref(href: string): string | null {
  let squeezed = '';
  for (const ch of href) if (ch > ' ' && ch !== '\u007f') squeezed += ch;
  return SAFE_SCHEME.test(squeezed) ? squeezed : null;
}

/** Parses a note into blocks. */
export function parseNote(markdown: string): NoteBlock[] {
  const tokens = parser.parse(markdown.replace(/\r\n?/g, '\n'), {});
  return readBlocks(tokens, { at: 0 }, null);
}

interface Cursor {
  at: number;
}

/** Reads block tokens from `c.at` up to the closing token of type `until` (or the end). */
function readBlocks(tokens: readonly Token[], c: Cursor, until: string | null): NoteBlock[] {
  const out: NoteBlock[] = [];
  while (c.at < tokens.length) {
    const t = tokens[c.at++] as Token;
    if (t.type === until) break;
    switch (t.type) {
      case 'paragraph_open':
        out.push(...paragraphBlocks(tokens, c));
        break;
      case 'heading_open': {
        const children = inline(tokens[c.at]);
        c.at += 2; // inline, heading_close
        out.push({ type: 'heading', level: Number(t.tag.slice(1)) || 1, children });
        break;
      }
      case 'bullet_list_open':
      case 'ordered_list_open': {
        const ordered = t.type === 'ordered_list_open';
        const start = Number(t.attrGet('start') ?? 1);
        const items: NoteBlock[][] = [];
        while (c.at < tokens.length) {
          const item = tokens[c.at++] as Token;
          if (item.type === 'list_item_open') items.push(readBlocks(tokens, c, 'list_item_close'));
          else break; // the list's closing token
        }
        out.push({ type: 'list', ordered, start: Number.isFinite(start) ? start : 1, items });
        break;
      }
      case 'blockquote_open':
        out.push({ type: 'quote', children: readBlocks(tokens, c, 'blockquote_close') });
        break;
      case 'fence':
      case 'code_block':
        out.push({ type: 'code', lang: t.info.trim().split(/\s+/)[0] ?? '', text: t.content.replace(/\n$/, '') });
        break;
      case 'table_open':
        out.push(readTable(tokens, c));
        break;
      case 'hr':
        out.push({ type: 'rule' });
        break;
      default:
        // Closing tokens of tight lists' hidden paragraphs and anything unknown: nothing to show.
        break;
    }
  }
  return out;
}

/** A paragraph (tight list items hide theirs, but their text is still a paragraph here). */
function paragraphBlocks(tokens: readonly Token[], c: Cursor): NoteBlock[] {
  const children = inline(tokens[c.at]);
  c.at += 2; // inline, paragraph_close
  return children.length ? [{ type: 'paragraph', children }] : [];
}

function readTable(tokens: readonly Token[], c: Cursor): NoteBlock {
  const align: NoteAlign[] = [];
  const head: NoteInline[][] = [];
  const rows: NoteInline[][][] = [];
  let row: NoteInline[][] | null = null;
  let inHead = false;
  while (c.at < tokens.length) {
    const t = tokens[c.at++] as Token;
    if (t.type === 'table_close') break;
    if (t.type === 'thead_open') inHead = true;
    else if (t.type === 'thead_close') inHead = false;
    else if (t.type === 'tr_open') row = [];
    else if (t.type === 'tr_close' && row) {
      if (inHead) head.push(...row);
      else rows.push(row);
      row = null;
    } else if (t.type === 'th_open' || t.type === 'td_open') {
      if (t.type === 'th_open') align.push(alignOf(t.attrGet('style')));
      row?.push(inline(tokens[c.at]));
      c.at += 2; // inline, th_close / td_close
    }
  }
  return { type: 'table', align, head, rows };
}

function alignOf(style: string | null): NoteAlign {
  const m = /text-align:(left|center|right)/.exec(style ?? '');
  return (m?.[1] as NoteAlign | undefined) ?? null;
}

/**
 * Deepest nesting of emphasis and links kept as elements. markdown-it nests `**` runs as deep as
 * the input goes (a 100 kB note of `**` is 25,000 levels): deeper ones keep their text, flat, so
 * neither React nor the PDF builder recurses past this (as Chromium caps DOM depth).
 */
export const MAX_INLINE_DEPTH = 16;

/** Inline children of an `inline` token. */
function inline(token: Token | undefined): NoteInline[] {
  if (!token || token.type !== 'inline') return [];
  const root: NoteInline[] = [];
  // Open containers; a link with an unsafe target, or one nested too deep, is a plain group
  // whose text joins its parent.
  const stack: Array<{ into: NoteInline[]; close: string }> = [];
  let into = root;
  let depth = 0;
  const open = (node: { children: NoteInline[] } & NoteInline, close: string) => {
    stack.push({ into, close });
    if (depth >= MAX_INLINE_DEPTH) return;
    into.push(node);
    into = node.children;
    depth++;
  };
  for (const t of token.children ?? []) {
    switch (t.type) {
      case 'text':
        pushText(into, t.content);
        break;
      case 'code_inline':
        into.push({ type: 'code', text: t.content });
        break;
      // A note's line breaks are kept (as GitHub comments do): people write notes line by line.
      case 'softbreak':
      case 'hardbreak':
        into.push({ type: 'br' });
        break;
      case 'strong_open':
        open({ type: 'strong', children: [] }, 'strong_close');
        break;
      case 'em_open':
        open({ type: 'em', children: [] }, 'em_close');
        break;
      case 's_open':
        open({ type: 'del', children: [] }, 's_close');
        break;
      case 'link_open': {
        const href = safeHref(t.attrGet('href') ?? '');
        if (href) open({ type: 'link', href, children: [] }, 'link_close');
        else stack.push({ into, close: 'link_close' }); // children stay in the parent, as text
        break;
      }
      case 'image':
        // Notes never load images: the alt text stands in.
        for (const child of t.children ?? []) if (child.type === 'text') pushText(into, child.content);
        break;
      case 'strong_close':
      case 'em_close':
      case 's_close':
      case 'link_close': {
        const top = stack.pop();
        if (top && top.into !== into) {
          into = top.into;
          depth--;
        }
        break;
      }
      default:
        if (t.content) pushText(into, t.content);
    }
  }
  return root;
}

/** Appends text, merging with a text node just before it. */
function pushText(into: NoteInline[], text: string): void {
  if (!text) return;
  const last = into[into.length - 1];
  if (last?.type === 'text') last.text += text;
  else into.push({ type: 'text', text });
}

/** The text of inline content, links as their text. */
export function inlineText(nodes: readonly NoteInline[]): string {
  let out = '';
  for (const n of nodes) {
    if (n.type === 'text' || n.type === 'code') out += n.text;
    else if (n.type === 'br') out += '\n';
    else out += inlineText(n.children);
  }
  return out;
}

/**
 * A note's words without its Markdown (for search snippets): one line per paragraph, list item,
 * table row or code line, links as their text, every word kept in order.
 */
export function notePlainText(markdown: string): string {
  const text = normaliseNote(markdown);
  if (!mayHoldMarkdown(text)) return text;
  const lines: string[] = [];
  const walk = (blocks: readonly NoteBlock[]): void => {
    for (const b of blocks) {
      if (b.type === 'paragraph' || b.type === 'heading') lines.push(inlineText(b.children));
      else if (b.type === 'list') {
        b.items.forEach((item, i) => {
          const first = lines.length;
          walk(item);
          // An ordered item's number is a word of the note ("2016. Năm đó…" is a list to Markdown).
          if (b.ordered && lines.length > first) lines[first] = `${b.start + i}. ${lines[first]}`;
        });
      }
      else if (b.type === 'quote') walk(b.children);
      else if (b.type === 'code') lines.push(b.text);
      else if (b.type === 'table') for (const row of [b.head, ...b.rows]) lines.push(row.map(inlineText).join(' '));
    }
  };
  walk(parseNote(text));
  return lines.join('\n');
}
