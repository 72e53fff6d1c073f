/**
 * One PDF export as a self-contained job: paragraph alignment (Gale–Church) plus typesetting and
 * writing. Pure CPU over plain data, so it can run on a worker thread (`pdf-worker.ts`) and keep
 * the thread that answers requests free; the same function runs in-thread as a fallback.
 */
import { alignParagraphs } from '../../shared/align/index';
import type { AnchoredAnnotation, Article } from '../../shared/types';

/** What a job needs per article: structured-clone safe. */
export interface PdfJobItem {
  article: Article;
  annotations: AnchoredAnnotation[];
}

/** Export options as the job gets them (no callbacks: they cannot cross a thread). */
export interface PdfJobOptions {
  lang: 'vi' | 'en' | 'both';
  layout: 'side-by-side' | 'interleaved';
  paper: 'a4' | 'letter';
  author?: string;
  /** Labels' language; absent: the export's own language. */
  labels?: 'en' | 'vi';
  fontsDir?: string;
  /** Paint highlights into the page as well (for people who want them fixed), see pdf/index. */
  flattenHighlights?: boolean;
}

/** Aligns bilingual articles, typesets and writes the PDF; reports articles laid out. */
export async function runPdfJob(items: PdfJobItem[], opts: PdfJobOptions, onProgress?: (done: number, total: number) => void): Promise<Uint8Array> {
  const withBeads = items.map(({ article, annotations }) => {
    const vi = article.versions.find((v) => v.lang === 'vi');
    const en = article.versions.find((v) => v.lang === 'en');
    const beads = vi && en ? alignParagraphs(vi.paragraphs.map((p) => p.text), en.paragraphs.map((p) => p.text)) : undefined;
    return { article, annotations, beads };
  });
  // pdf-lib and fontkit take ~1 s to load: only when a PDF is actually made.
  const { exportPdf } = await import('./pdf/index');
  return exportPdf(withBeads, { ...opts, onProgress });
}
