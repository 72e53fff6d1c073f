/**
 * Exports as files the transports can deliver: the annotated PDF and the Markdown notes.
 * Shared by the API (download or save dialog) and the CLI (write to a path).
 */
import { toMarkdown } from '../annotations/export-markdown';
import { anchoredAnnotations } from '../article-annotations';
import { FolioError } from '../../shared/result';
import type { ExportedFile } from '../../shared/api';
import type { Article } from '../../shared/types';
import type { FolioSession } from '../session';
import { exportPdfOffThread } from './pdf-off-thread';

export interface PdfRequest {
  ids: string[];
  lang: 'vi' | 'en' | 'both';
  layout?: 'side-by-side' | 'interleaved';
  paper: 'a4' | 'letter';
  /** Language of the PDF's own labels; default: the user's interface language, else the first article's. */
  labels?: 'en' | 'vi';
  /** Paint highlights into the page instead of writing annotations. */
  flattenHighlights?: boolean;
  /** Language of the suggested file name (the interface's); default: the settings' interface language, else English. */
  fileNameLang?: 'en' | 'vi';
  onProgress?: (done: number, total: number) => void;
}

/** Longest file name stem, in characters (not code units): file systems cap names at 255 bytes, and a Vietnamese letter takes up to 3 in UTF-8. */
const STEM_CHARS = 80;

/**
 * A file name made from a title: Vietnamese kept in NFC (file systems accept it, and macOS shows
 * NFC and NFD alike), characters Windows or macOS refuse (\\ / : * ? " < > | and controls) turned into
 * spaces, trailing dots and spaces removed (Windows drops them), cut at a whole character.
 * `suffix` (e.g. " – ghi chú") follows the cut title, so a long title never loses it.
 */
export function safeFileName(title: string, ext: string, suffix = ''): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}\p{Cf}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  const chars = [...new Intl.Segmenter('vi', { granularity: 'grapheme' }).segment(cleaned)].map((s) => s.segment);
  let base = chars.slice(0, STEM_CHARS).join('').replace(/[\s.]+$/u, '').replace(/^[\s.]+/u, '');
  // Names Windows reserves for devices, with or without an extension.
  if (/^(con|prn|aux|nul|com\d|lpt\d)$/i.test(base)) base = `${base}_`;
  return `${base || 'folio-export'}${suffix}.${ext}`;
}

/** The words of suggested file names, in the interface's language. */
const FILE_WORDS = {
  en: { articles: (n: number) => `Folio – ${n} articles`, notes: ' – notes', notesOf: (n: number) => `Folio – notes, ${n} articles`, allNotes: 'Folio – notes' },
  vi: { articles: (n: number) => `Folio – ${n} bài`, notes: ' – ghi chú', notesOf: (n: number) => `Folio – ghi chú, ${n} bài`, allNotes: 'Folio – ghi chú' },
} as const;

/** The suggested name of a PDF of `count` articles: the article's title for one, a count for several. */
export function pdfFileName(firstTitle: string | undefined, count: number, lang: 'en' | 'vi'): string {
  return safeFileName(count > 1 || !firstTitle ? FILE_WORDS[lang].articles(count) : firstTitle, 'pdf');
}

/** The suggested name of the Markdown notes of `count` articles (0: every annotated article). */
export function notesFileName(firstTitle: string | undefined, count: number, lang: 'en' | 'vi'): string {
  const words = FILE_WORDS[lang];
  if (count === 1 && firstTitle) return safeFileName(firstTitle, 'md', words.notes);
  return safeFileName(count > 1 ? words.notesOf(count) : words.allNotes, 'md');
}

const nameLang = (session: FolioSession, lang: 'en' | 'vi' | undefined): 'en' | 'vi' => lang ?? session.settings.get().uiLanguage ?? 'en';

function articlesFor(session: FolioSession, ids: string[]): Article[] {
  return ids.map((id) => {
    const a = session.library.get(id);
    if (!a) throw new FolioError('not-found', `No article with id ${id}`);
    return a;
  });
}

/** Builds the annotated PDF of `ids` as bytes; the typesetting runs on a worker thread. */
export async function buildPdf(session: FolioSession, req: PdfRequest): Promise<{ bytes: Uint8Array; fileName: string }> {
  const articles = articlesFor(session, req.ids);
  const items = await Promise.all(articles.map(async (article) => ({ article, annotations: await anchoredAnnotations(session.annotations, article) })));
  const bytes = await exportPdfOffThread(
    items,
    {
      lang: req.lang,
      layout: req.layout ?? 'side-by-side',
      paper: req.paper,
      author: session.settings.get().author || undefined,
      // One-language exports are labelled in their language; bilingual ones in the reader's.
      labels: req.labels ?? (req.lang === 'both' ? (req.fileNameLang ?? session.settings.get().uiLanguage ?? undefined) : undefined),
      flattenHighlights: req.flattenHighlights,
    },
    { onProgress: req.onProgress },
  );
  const fileName = pdfFileName(articles[0]?.versions[0]?.title, articles.length, nameLang(session, req.fileNameLang));
  return { bytes, fileName };
}

/** The annotated PDF as an ExportedFile (base64), for the API. */
export async function exportPdfFile(session: FolioSession, req: PdfRequest): Promise<ExportedFile> {
  const { bytes, fileName } = await buildPdf(session, req);
  return { fileName, mimeType: 'application/pdf', base64: Buffer.from(bytes).toString('base64') };
}

/** Markdown of the highlights and notes of `ids` (all annotated articles when empty). */
export async function buildMarkdown(session: FolioSession, ids: string[]): Promise<string> {
  const articles = ids.length ? articlesFor(session, ids) : session.library.articles();
  const groups = [];
  for (const [i, article] of articles.entries()) {
    // Anchoring is CPU work: let the thread answer other requests every few articles.
    if (i > 0 && i % 20 === 0) await new Promise((resolve) => setImmediate(resolve));
    const annotations = await anchoredAnnotations(session.annotations, article);
    if (annotations.length || ids.length) groups.push({ article, annotations });
  }
  return toMarkdown(groups);
}

/** Markdown notes as an ExportedFile, for the API. */
export async function exportMarkdownFile(session: FolioSession, ids: string[], fileNameLang?: 'en' | 'vi'): Promise<ExportedFile> {
  const text = await buildMarkdown(session, ids);
  const first = ids.length === 1 ? session.library.get(ids[0] ?? '')?.versions[0]?.title : undefined;
  return {
    fileName: notesFileName(first, ids.length, nameLang(session, fileNameLang)),
    mimeType: 'text/markdown',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
