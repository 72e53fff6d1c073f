/**
 * The text layer of a PDF, through pdf.js (Mozilla's reader, the legacy build that runs on
 * Node 20), into positioned runs for `rebuildParagraphs`. Nothing is rendered, no fonts are
 * loaded, scripts in the PDF are never evaluated. A PDF whose pages carry no text (a scan) is
 * reported as such, not as an empty article.
 */
import { rebuildParagraphs, type LayoutBlock, type PageRuns, type TextRun } from './pdf-layout';

/** A PDF read for the library. */
export interface PdfDocumentText {
  title: string | null;
  author: string | null;
  /** Creation date (document information dictionary), ISO 8601 local time. */
  date: string | null;
  lang: string | null;
  tags: string[];
  blocks: LayoutBlock[];
  pages: number;
}

/** Why a PDF was not read. */
export class PdfTextError extends Error {
  constructor(
    readonly kind: 'no-text-layer' | 'encrypted' | 'damaged' | 'over-budget',
    message: string,
  ) {
    super(message);
  }
}

/** Most pages read from one PDF. */
export const MAX_PDF_PAGES = 2_000;

/** `D:YYYYMMDDHHmmSS…` (PDF 32000-1 §7.9.4) as ISO 8601 without offset. */
export function pdfDate(raw: unknown): string | null {
  if (typeof raw !== 'string') return null;
  const m = /^(?:D:)?(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?/.exec(raw);
  if (!m?.[1]) return null;
  const [, y, mo = '01', d = '01', h, mi = '00', s = '00'] = m;
  return h ? `${y}-${mo}-${d}T${h}:${mi}:${s}` : `${y}-${mo}-${d}`;
}

function infoString(info: Record<string, unknown>, key: string): string | null {
  const v = info[key];
  return typeof v === 'string' && v.trim() ? v.replace(/\s+/g, ' ').trim().normalize('NFC') : null;
}

interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

/** Read the text layer of `bytes`. Throws `PdfTextError`. */
export async function readPdfText(bytes: Uint8Array, maxPages = MAX_PDF_PAGES): Promise<PdfDocumentText> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc: Awaited<ReturnType<typeof pdfjs.getDocument>['promise']>;
  try {
    doc = await pdfjs.getDocument({
      // pdf.js refuses Buffers: hand it a plain Uint8Array copy.
      data: new Uint8Array(bytes),
      disableFontFace: true,
      useSystemFonts: false,
      isEvalSupported: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = e instanceof Error ? e.name : '';
    if (name === 'PasswordException') throw new PdfTextError('encrypted', 'The PDF is password-protected');
    throw new PdfTextError('damaged', `Cannot open the PDF: ${e instanceof Error ? e.message.slice(0, 100) : 'error'}`);
  }
  try {
    if (doc.numPages > maxPages) throw new PdfTextError('over-budget', `The PDF has ${doc.numPages} pages, over the ${maxPages}-page limit`);
    const pages: PageRuns[] = [];
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const runs: TextRun[] = [];
      for (const raw of content.items as PdfJsTextItem[]) {
        const t = raw.transform;
        if (typeof raw.str !== 'string' || !t || raw.str === '') continue;
        // The text matrix's vertical scale is the type size (rotation is not expected in articles).
        const size = Math.hypot(t[2] ?? 0, t[3] ?? 0) || raw.height || 10;
        runs.push({ str: raw.str, x: t[4] ?? 0, y: t[5] ?? 0, width: raw.width ?? 0, size });
      }
      pages.push({ width: viewport.width, height: viewport.height, runs });
      page.cleanup();
    }
    if (pages.every((pg) => pg.runs.every((r) => r.str.trim() === ''))) {
      throw new PdfTextError('no-text-layer', 'The PDF has no text layer (a scan?)');
    }
    const meta = await doc.getMetadata().catch(() => null);
    const info = (meta?.info ?? {}) as Record<string, unknown>;
    const keywords = infoString(info, 'Keywords');
    return {
      title: infoString(info, 'Title'),
      author: infoString(info, 'Author'),
      date: pdfDate(info.CreationDate),
      lang: infoString(info, 'Language'),
      tags: keywords ? keywords.split(/[;,]/).map((k) => k.trim()).filter(Boolean) : [],
      blocks: rebuildParagraphs(pages),
      pages: doc.numPages,
    };
  } finally {
    await doc.destroy();
  }
}
