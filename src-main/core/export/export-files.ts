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
  onProgress?: (done: number, total: number) => void;
}

/** A file name made from a title: diacritics kept (file systems accept them), unsafe characters dropped. */
export function safeFileName(title: string, ext: string): string {
  const base = title
    .normalize('NFC')
    .replace(/[\\/:*?"<>|\p{Cc}]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 80);
  return `${base || 'folio-export'}.${ext}`;
}

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
      labels: req.labels ?? (req.lang === 'both' ? (session.settings.get().uiLanguage ?? undefined) : undefined),
      flattenHighlights: req.flattenHighlights,
    },
    { onProgress: req.onProgress },
  );
  const first = articles[0]?.versions[0]?.title ?? 'folio-export';
  const fileName = safeFileName(articles.length > 1 ? `Folio – ${articles.length} articles` : first, 'pdf');
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
export async function exportMarkdownFile(session: FolioSession, ids: string[]): Promise<ExportedFile> {
  const text = await buildMarkdown(session, ids);
  const first = ids.length === 1 ? session.library.get(ids[0] ?? '')?.versions[0]?.title : undefined;
  return {
    fileName: safeFileName(first ? `${first} – notes` : 'Folio notes', 'md'),
    mimeType: 'text/markdown',
    base64: Buffer.from(text, 'utf8').toString('base64'),
  };
}
