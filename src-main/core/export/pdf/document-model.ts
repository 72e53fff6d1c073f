/**
 * Turns one export item (article, anchored annotations, alignment) into rows of styled blocks:
 * what to print, in which order and style, with highlight spans and note markers attached.
 * Pure; the paginator decides where things go.
 */
import type { AnchoredAnnotation, Article, ArticleVersion, Paragraph } from '../../../shared/types';
import { formatDate } from '../../../shared/format-date';
import { normaliseBeads, type Bead } from './beads';
import { noteToRichText, type LinkRange, type StyleRange } from './note-markdown';
import { highlightsOf, placeHighlights, type LocalSpan } from './highlight-spans';
import type { Marker } from './line-break';
import { COLUMN_SCALE, HEADER_STYLES, KIND_STYLES, TRANSLATION_COLOR, scaled, type BlockStyle } from './styles';
import { renderedVersions, type ExportLang } from './versions';

/** One block of text to set: its style, and the highlight spans and markers in its own offsets. */
export interface ModelBlock {
  text: string;
  style: BlockStyle;
  spans: LocalSpan[];
  markers: Marker[];
  /** Hanging label before the first line (overrides the style's bullet; end-note numbers). */
  bullet?: string;
  /** Ranges in another face or colour, and web links (rich notes). */
  styles?: StyleRange[];
  links?: LinkRange[];
  /** Named destination at the block's first line (an end note: `note:<id>`). */
  anchor?: string;
  /** Where the bullet links to (an end note's number: back to its marker, `ref:<id>`). */
  backLink?: string;
  /** Bookmark title for this block (headings, the notes heading). */
  bookmark?: string;
  /** Annotation written as a sticky note beside the block (article notes, orphaned highlights). */
  textNote?: string;
  /** Structure type in the tagged PDF (PDF 32000-1 §14.8.4); default P. */
  role?: StructRole;
  /** Language of the text when it is a version's (BCP 47: vi, en); notes inherit the document's. */
  lang?: string;
}

/** The standard structure types the export uses. */
export type StructRole = 'H1' | 'H2' | 'P' | 'BlockQuote' | 'Note';

const KIND_ROLE: Record<Paragraph['kind'], StructRole> = { paragraph: 'P', heading: 'H2', quote: 'BlockQuote', 'list-item': 'P', caption: 'P', preformatted: 'P' };

/** A full-width run of blocks, or two columns that start level (one alignment bead). */
export type ModelRow = { kind: 'full'; blocks: ModelBlock[] } | { kind: 'pair'; left: ModelBlock[]; right: ModelBlock[] };

/** Everything the paginator needs for one article. */
export interface ArticleModel {
  id: string;
  title: string;
  rows: ModelRow[];
}

/** How two versions share the page. */
export type BilingualLayout = 'side-by-side' | 'interleaved';

/** The fixed words printed in the PDF, in the reader's interface language. */
export const PDF_LABELS = {
  en: {
    /** The language of these labels, for dates in an article of unknown language. */
    lang: 'en',
    notes: 'Notes',
    articleNote: 'Note: ',
    orphaned: '(not found in the current text)',
    page: 'p.',
    pageOf: (n: number, m: number) => `Page ${n} of ${m}`,
    untitled: 'Untitled article',
    empty: 'This article has no text.',
    translation: (lang: string) => `Translation (${lang}):`,
    noteLink: (n: string) => `Go to note ${n}`,
    backLink: (n: string) => `Back to the text of note ${n}`,
  },
  vi: {
    lang: 'vi',
    notes: 'Ghi chú',
    articleNote: 'Ghi chú: ',
    orphaned: '(không còn tìm thấy trong văn bản hiện tại)',
    page: 'tr.',
    pageOf: (n: number, m: number) => `Trang ${n}/${m}`,
    untitled: 'Bài không có tiêu đề',
    empty: 'Bài này không có nội dung.',
    translation: (lang: string) => `Bản dịch (${lang}):`,
    noteLink: (n: string) => `Đến ghi chú ${n}`,
    backLink: (n: string) => `Quay lại đoạn văn của ghi chú ${n}`,
  },
} as const;
export type PdfLabels = (typeof PDF_LABELS)[keyof typeof PDF_LABELS];

/** Cross-references resolved by an earlier layout pass. */
export interface ModelRefs {
  /** Prefix making note ids unique in a multi-article export (default: the article id). */
  key?: string;
  /** Page number (1-based) of a named destination (`ref:<id>`: a note's marker), once known. */
  pageOf?: (name: string) => number | undefined;
}
/** English labels (the default). */
export const LABELS: PdfLabels = PDF_LABELS.en;

/** The input of `buildArticleModel`. */
export interface ModelInput {
  article: Article;
  annotations: readonly AnchoredAnnotation[];
  beads?: readonly Bead[];
}

const QUOTE_MAX = 280;

/** Build the printable model of one article. */
export function buildArticleModel(input: ModelInput, lang: ExportLang, layout: BilingualLayout = 'side-by-side', labels: PdfLabels = LABELS, refs: ModelRefs = {}): ArticleModel {
  const versions = renderedVersions(input.article, lang);
  const key = refs.key ?? input.article.id;
  const noted: EndNote[] = [];
  const lost: AnchoredAnnotation[] = [];
  const bodies = versions.map((v, i) => versionBody(v, input.annotations, noted, lost, key, i === 0));
  // Orphaned highlights come last: they have no place in the body to number them by.
  for (const a of lost) {
    const number = noted.length + 1;
    noted.push({ number, id: `${key}:${number}`, annotationId: a.id, quote: a.target?.quote.exact ?? '', note: a.note, orphaned: true });
  }
  const rows: ModelRow[] = [];
  const [first, second] = versions;
  const [bodyA, bodyB] = bodies;
  // An empty article still gets a page: its title (never its internal id) and a line saying it is empty.
  const title = (first && (first.title.trim() || fileTitle(first.path))) || labels.untitled;
  if (!first || !bodyA || versions.every((v) => v.paragraphs.every((p) => p.text.trim() === ''))) {
    const header = first ? headerBlocks({ ...first, title }, 1, labels) : [plainBlock(title, { ...HEADER_STYLES.title, spaceAfter: 14 })];
    rows.push({ kind: 'full', blocks: [...header, ...articleNotes(input.annotations, labels), plainBlock(labels.empty, HEADER_STYLES.meta)] });
    const endNotes = endNoteBlocks(noted, labels, refs.pageOf);
    if (endNotes.length > 0) rows.push({ kind: 'full', blocks: endNotes });
    return { id: input.article.id, title, rows };
  }

  const notes = articleNotes(input.annotations, labels);
  if (!second || !bodyB) {
    rows.push({ kind: 'full', blocks: [...headerBlocks(first, 1, labels), ...notes, ...bodyA] });
  } else if (layout === 'side-by-side') {
    rows.push({ kind: 'pair', left: headerBlocks(first, COLUMN_SCALE, labels), right: headerBlocks(second, COLUMN_SCALE, labels) });
    if (notes.length > 0) rows.push({ kind: 'full', blocks: notes });
    for (const bead of normaliseBeads(input.beads, bodyA.length, bodyB.length)) {
      rows.push({ kind: 'pair', left: pick(bodyA, bead.left, COLUMN_SCALE), right: pick(bodyB, bead.right, COLUMN_SCALE) });
    }
  } else {
    const header = headerBlocks(first, 1, labels);
    const subtitle = plainBlock(second.title, HEADER_STYLES.subtitle);
    const [title, ...rest] = header;
    const blocks: ModelBlock[] = title ? [title, subtitle, ...rest, ...notes] : [subtitle, ...rest, ...notes];
    for (const bead of normaliseBeads(input.beads, bodyA.length, bodyB.length)) {
      const originals = pick(bodyA, bead.left, 1);
      const translations = pick(bodyB, bead.right, 1).map(asTranslation);
      const lastOriginal = originals[originals.length - 1];
      if (lastOriginal && translations.length > 0) lastOriginal.style = { ...lastOriginal.style, spaceAfter: 2.5 };
      blocks.push(...originals, ...translations);
    }
    rows.push({ kind: 'full', blocks });
  }
  const endNotes = endNoteBlocks(noted, labels, refs.pageOf);
  if (endNotes.length > 0) rows.push({ kind: 'full', blocks: endNotes });
  return { id: input.article.id, title, rows };
}

interface EndNote {
  number: number;
  /** Unique in the document: `<key>:<number>`. */
  id: string;
  annotationId: string;
  quote: string;
  /** The note's Markdown. */
  note: string;
  orphaned: boolean;
}

/** The body blocks of a version, numbering its noted highlights after those already in `noted`; orphans go to `lost`. */
function versionBody(version: ArticleVersion, all: readonly AnchoredAnnotation[], noted: EndNote[], lost: AnchoredAnnotation[], key: string, primary: boolean): ModelBlock[] {
  const { placed, orphaned } = placeHighlights(version, highlightsOf(all, version));
  // Headings of the first (or only) version become bookmarks; a translation's would repeat them.
  const blocks: ModelBlock[] = version.paragraphs.map((p) => ({ ...paragraphBlock(p), lang: version.lang, ...(primary && p.kind === 'heading' && { bookmark: oneLine(p.text) }) }));
  for (const h of placed) {
    for (const [k, span] of h.spans) blocks[k]?.spans.push(span);
    if (h.annotation.note.trim() === '') continue;
    const number = noted.length + 1;
    const id = `${key}:${number}`;
    const quote = [...h.spans].map(([k, s]) => version.paragraphs[k]?.text.slice(s.start, s.end) ?? '').join(' ');
    noted.push({ number, id, annotationId: h.annotation.id, quote, note: h.annotation.note, orphaned: false });
    const endText = version.paragraphs[h.end.paragraph]?.text ?? '';
    blocks[h.end.paragraph]?.markers.push({ at: markerOffset(endText, h.end.offset), label: String(number), id });
  }
  lost.push(...orphaned);
  // A list ends with a paragraph's spacing, not an item's.
  blocks.forEach((b, k) => {
    const next = version.paragraphs[k + 1];
    if (version.paragraphs[k]?.kind === 'list-item' && next && next.kind !== 'list-item') b.style = { ...b.style, spaceAfter: KIND_STYLES.paragraph.spaceAfter + 2 };
  });
  return blocks;
}

/**
 * Where a note number goes for a highlight ending at `end`: after the last highlighted glyph,
 * moved on to the end of that word and any punctuation glued to it ("mặt nước,¹"), so a
 * marker never splits a word when a highlight ends mid-word.
 */
export function markerOffset(text: string, end: number): number {
  let at = Math.max(0, Math.min(text.length, end));
  while (at > 0 && /\s/.test(text[at - 1] ?? '')) at--;
  while (at < text.length && !/\s/.test(text[at] ?? '')) at++;
  return at;
}

function paragraphBlock(p: Paragraph): ModelBlock {
  return { ...plainBlock(p.text, KIND_STYLES[p.kind]), role: KIND_ROLE[p.kind] };
}

/**
 * Control characters other than "\n" (tabs, CR, form feeds) have no glyph: print them as
 * spaces. One code unit for one, so highlight offsets stay valid.
 */
function printable(text: string): string {
  return text.replace(/[^\P{Cc}\n]/gu, ' ');
}

function plainBlock(text: string, style: BlockStyle): ModelBlock {
  return { text: printable(text), style, spans: [], markers: [] };
}

/**
 * Title, then a "date · author · source" line. The date reads as the app shows it, in the
 * article's language (a reader of a Vietnamese article expects "22 thg 4, 2023"), or in the
 * labels' language when the article's is unknown.
 */
function headerBlocks(v: ArticleVersion, factor: number, labels: PdfLabels): ModelBlock[] {
  const meta = [formatDate(v.date, v.lang === 'und' ? labels.lang : v.lang), v.author, v.source].filter((s): s is string => !!s && s.trim() !== '').join('  ·  ');
  const blocks: ModelBlock[] = [{ ...plainBlock(v.title, scaled(HEADER_STYLES.title, factor)), role: 'H1', lang: v.lang }];
  if (meta) blocks.push({ ...plainBlock(meta, scaled(HEADER_STYLES.meta, factor)), lang: v.lang });
  else blocks[0] = { ...plainBlock(v.title, { ...scaled(HEADER_STYLES.title, factor), spaceAfter: 14 }), role: 'H1', lang: v.lang };
  return blocks;
}

/** `prefix` then the note's Markdown rendered, as one block (styles and links shifted past the prefix). */
function richBlock(prefix: string, markdown: string, suffix: string, style: BlockStyle): ModelBlock {
  const rich = noteToRichText(markdown);
  const shift = <T extends { start: number; end: number }>(r: T): T => ({ ...r, start: r.start + prefix.length, end: r.end + prefix.length });
  return { ...plainBlock(prefix + rich.text + suffix, style), styles: rich.styles.map(shift), links: rich.links.map(shift) };
}

/** Article-level notes (kind 'note'), oldest first, printed under the header and written as sticky notes. */
function articleNotes(all: readonly AnchoredAnnotation[], labels: PdfLabels): ModelBlock[] {
  return all
    .filter((a) => a.kind === 'note' && a.note.trim() !== '')
    .sort((a, b) => a.created.localeCompare(b.created))
    .map((a) => ({ ...richBlock(labels.articleNote, a.note, '', HEADER_STYLES.articleNote), textNote: a.id, role: 'Note' as const }));
}

/**
 * The notes section: each note gives its quote, the page of its highlight (once a first layout
 * pass knows it), and its Markdown rendered; it is the target of its marker's link and links
 * back from its number. An orphaned highlight's note is a sticky note too.
 */
function endNoteBlocks(notes: readonly EndNote[], labels: PdfLabels, pageOf?: ModelRefs['pageOf']): ModelBlock[] {
  if (notes.length === 0) return [];
  const blocks: ModelBlock[] = [{ ...plainBlock(labels.notes, HEADER_STYLES.notesHeading), bookmark: labels.notes, role: 'H2' }];
  for (const n of notes) {
    const quote = n.quote.length > QUOTE_MAX ? `${n.quote.slice(0, QUOTE_MAX).trimEnd()}…` : n.quote;
    const page = n.orphaned ? undefined : pageOf?.(`ref:${n.id}`);
    const head = `“${oneLine(quote)}”${page ? ` (${labels.page} ${page})` : ''}`;
    const prefix = n.note.trim() ? `${head} — ` : head;
    const block = richBlock(prefix, n.note, n.orphaned ? ` ${labels.orphaned}` : '', HEADER_STYLES.endNote);
    blocks.push({ ...block, role: 'Note', bullet: `${n.number}.`, anchor: `note:${n.id}`, ...(n.orphaned ? { textNote: n.annotationId } : { backLink: `ref:${n.id}` }) });
  }
  // The last note never stands alone at the top of a page: the one before it comes along.
  const penultimate = blocks.length > 2 ? blocks[blocks.length - 2] : undefined;
  if (penultimate) penultimate.style = { ...penultimate.style, keepWithNext: true };
  return blocks;
}

function pick(body: readonly ModelBlock[], indices: readonly number[], factor: number): ModelBlock[] {
  return indices.flatMap((i) => {
    const b = body[i];
    return b ? [{ ...b, style: scaled(b.style, factor) }] : [];
  });
}

/** Interleaved translations: lighter and italic (headings stay bold), tight under the original. */
function asTranslation(b: ModelBlock): ModelBlock {
  const font = b.style.font === 'bold' ? 'bold' : 'italic';
  return { ...b, style: { ...b.style, font, color: TRANSLATION_COLOR, spaceBefore: 0, spaceAfter: b.style.spaceAfter + 5 } };
}

/** A title from a file path when the file has none: its name without the extension. */
function fileTitle(path: string): string {
  return (path.split(/[\\/]/).pop() ?? '').replace(/\.[^.]*$/, '').trim();
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

