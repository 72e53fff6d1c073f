/**
 * Annotated PDF export: typeset articles (one language, or both side by side / interleaved)
 * with highlights as standard /Highlight annotations (or flattened into the page), numbered
 * notes for paper readers, metadata, bookmarks and page numbers. Plain Node (pdf-lib + fontkit).
 *
 * Pipeline: document-model (what to print) → paginate/flow/line-break (pure geometry, real
 * font metrics) → writer (pdf-lib). Only `fonts.ts` and the writer touch the outside world.
 */
import type { AnchoredAnnotation, Article } from '../../../shared/types';
import type { Bead } from './beads';
import { PDF_LABELS, buildArticleModel, type ArticleModel, type PdfLabels } from './document-model';
import { counterpartOf } from '../../../shared/align/counterpart';
import type { DocumentLayout } from './geometry';
import { PdfExportError } from './errors';
import { systemFallbacks } from './font-fallback';
import type { Font } from '@pdf-lib/fontkit';
import { loadFontBytes, resolveFontsDir } from './fonts';
import { fontkitMeasurer, parseFont, type FontBytes } from './measure';
import type { FontKey } from './styles';
import { paginate } from './paginate';
import { renderedVersions } from './versions';
import { loadShaper, needsShaping, type Shaper } from './shaper';
import { writePdf } from './writer';

export { PdfExportError } from './errors';
export type { Bead } from './beads';

/** One article to export, with its anchored annotations and optional paragraph alignment. */
export interface PdfExportItem {
  article: Article;
  annotations: AnchoredAnnotation[];
  /**
   * Paragraph alignment for bilingual layouts (Gale–Church beads): `left` indexes the
   * Vietnamese version's paragraphs, `right` the English one's. Absent: aligned by index.
   */
  beads?: Array<{ left: number[]; right: number[] }>;
}

/** Export options. */
export interface PdfExportOptions {
  /** Version to print; a missing version falls back to the one the article has. */
  lang: 'vi' | 'en' | 'both';
  /** Bilingual layout when `lang` is 'both' (default side-by-side). */
  layout?: 'side-by-side' | 'interleaved';
  paper: 'a4' | 'letter';
  /** Written as the document author and each annotation's /T. */
  author?: string;
  /**
   * Folders of installed fonts searched for characters DejaVu Serif lacks (default: the usual
   * system folders; [] draws every such character as a replacement box).
   */
  systemFontDirs?: readonly string[];
  /** Directory holding DejaVuSerif*.ttf (default: the repository's resources/fonts). */
  fontsDir?: string;
  /** Language of the PDF's own words ("Notes", …); default: the language of the printed text (English when all of it is English). */
  labels?: 'en' | 'vi';
  /** Creation time for metadata and undated annotations (default: now). */
  now?: Date;
  /**
   * Paint highlights into the page (for readers who want them fixed on paper) instead of
   * writing them as annotations; notes stay in the end notes. Default false.
   */
  flattenHighlights?: boolean;
  /** Progress: articles laid out so far, out of the total. */
  onProgress?: (done: number, total: number) => void;
}

/** The three primary faces of a fonts folder, read and parsed. */
export interface PrimaryFonts {
  fonts: FontBytes;
  parsed: Record<FontKey, Font>;
}

// Font files are read once per process and folder (the worker that keeps running between
// exports reuses them). Parsed faces are not shared between documents: fontkit's subsetter
// changes state on the face it subsets (a second document lost glyphs when they were shared).
const bytesCache = new Map<string, Promise<FontBytes>>();

/**
 * The primary faces of `fontsDir` (default: the bundled ones): the bytes read once per process
 * (a failed read is not cached), parsed afresh for each document.
 */
export async function primaryFonts(fontsDir?: string): Promise<PrimaryFonts> {
  const fonts = await primaryFontFiles(fontsDir);
  return { fonts, parsed: { regular: parseFont(fonts.regular), bold: parseFont(fonts.bold), italic: parseFont(fonts.italic) } };
}

/** The bytes of the primary faces of `fontsDir`, read once per process (what a prewarm does). */
export function primaryFontFiles(fontsDir?: string): Promise<FontBytes> {
  const dir = resolveFontsDir(fontsDir);
  let cached = bytesCache.get(dir);
  if (!cached) {
    cached = loadFontBytes(dir);
    bytesCache.set(dir, cached);
    cached.catch(() => bytesCache.delete(dir));
  }
  return cached;
}

/** Render `items` to an annotated PDF and return its bytes. */
export async function exportPdf(items: PdfExportItem[], opts: PdfExportOptions): Promise<Uint8Array> {
  validateOptions(opts);
  // Empty articles are printed too (a page saying so), so every requested article is accounted for.
  const printable = items;
  if (printable.length === 0) throw new PdfExportError('PDF_NOTHING_TO_EXPORT', 'No article to export.');
  const now = opts.now ?? new Date();
  const { fonts, parsed } = await primaryFonts(opts.fontsDir);
  const fallbacks = systemFallbacks(opts.systemFontDirs);
  const measurer = fontkitMeasurer(parsed, fallbacks, await shaperFor(printable));

  const versions = printable.flatMap((it) => renderedVersions(it.article, opts.lang));
  // The document's language: English when every printed version is English, else Vietnamese.
  const language = versions.length > 0 && versions.every((v) => v.lang === 'en') ? 'en' : 'vi';
  const labels = PDF_LABELS[opts.labels ?? language];
  const build = (pageOf?: (name: string) => number | undefined): ArticleModel[] =>
    printable.map((it, i) => buildArticleModel({ article: it.article, annotations: it.annotations, beads: it.beads as Bead[] | undefined }, opts.lang, opts.layout, labels, { key: String(i + 1), pageOf }));
  const paginateOpts = { paper: opts.paper, pageLabel: (n: number, total: number) => labels.pageOf(n, total) };
  // End notes give the page of their highlight: lay out, read where each marker landed, and lay
  // out again with those page numbers (again if printing them moved a later marker; rarely).
  let models = build();
  let layout = paginate(measurer, models, paginateOpts);
  for (let pass = 0; pass < 3 && hasNotes(layout); pass++) {
    const pages = anchorPages(layout);
    models = build((name) => pages.get(name));
    layout = paginate(measurer, models, paginateOpts);
    if (sameMap(pages, anchorPages(layout))) break;
  }
  printable.forEach((_, i) => opts.onProgress?.(i + 1, printable.length));

  const byId = new Map<string, AnchoredAnnotation>();
  for (const it of printable) for (const a of it.annotations) byId.set(a.id, withCounterpart(it.article, a, labels));
  const first = models[0];
  return writePdf(layout, fonts, parsed, fallbacks, byId, {
    title: printable.length === 1 && first ? first.title : `Folio — ${printable.length} articles`,
    author: opts.author,
    subject: printable.length === 1 ? 'Annotated article exported from Folio' : 'Annotated articles exported from Folio',
    keywords: [...new Set(versions.flatMap((v) => v.tags))],
    language,
    now,
    flattenHighlights: opts.flattenHighlights ?? false,
    linkLabels: { noteLink: labels.noteLink, backLink: labels.backLink },
  });
}

/**
 * A highlight in a translation pair carries the aligned sentence(s) of the other version in its
 * comment (the viewer's popup), as the reader's card shows them; the printed text is unchanged.
 */
function withCounterpart(article: Article, a: AnchoredAnnotation, labels: PdfLabels): AnchoredAnnotation {
  const other = counterpartOf(article, a);
  if (!other) return a;
  const translation = `${labels.translation(other.version.lang)}\n${other.text}`;
  return { ...a, note: a.note.trim() ? `${a.note.trim()}\n\n${translation}` : translation };
}

/**
 * HarfBuzz, only when some text of the export (articles, titles, notes) is in a complex script;
 * a Vietnamese or English export never loads it. If it cannot load, fontkit lays those runs out
 * as before (joined Arabic, unreordered Indic) rather than failing the export.
 */
async function shaperFor(items: readonly PdfExportItem[]): Promise<Shaper | undefined> {
  if (!needsShaping(JSON.stringify(items))) return undefined;
  try {
    return await loadShaper();
  } catch {
    return undefined;
  }
}

const hasNotes = (layout: DocumentLayout): boolean => layout.pages.some((p) => p.anchors.length > 0);

/** Page number (1-based) of every named destination. */
function anchorPages(layout: DocumentLayout): Map<string, number> {
  const pages = new Map<string, number>();
  layout.pages.forEach((p, i) => {
    for (const a of p.anchors) pages.set(a.name, i + 1);
  });
  return pages;
}

const sameMap = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): boolean => a.size === b.size && [...a].every(([k, v]) => b.get(k) === v);

function validateOptions(opts: PdfExportOptions): void {
  if (!['vi', 'en', 'both'].includes(opts.lang)) throw new PdfExportError('PDF_BAD_OPTIONS', `Unknown language: ${String(opts.lang)}`);
  if (!['a4', 'letter'].includes(opts.paper)) throw new PdfExportError('PDF_BAD_OPTIONS', `Unknown paper size: ${String(opts.paper)}`);
  if (opts.layout !== undefined && !['side-by-side', 'interleaved'].includes(opts.layout)) {
    throw new PdfExportError('PDF_BAD_OPTIONS', `Unknown layout: ${String(opts.layout)}`);
  }
}
