/**
 * Benchmark: annotated PDF export of a ~100-page document (20 articles × ~5 pages, 200
 * highlights, half with notes), against a baseline measured in the same run.
 *
 * Baseline: pdf-lib alone drawing the same paragraph texts with the same three subset-embedded
 * fonts, cut into fixed 90-character lines, 48 lines a page — no measuring, line breaking,
 * highlights, annotations, notes, outline or metadata. The ratio is what Folio's typesetting
 * and annotation writing cost on top of pdf-lib's own drawing and saving.
 *
 * Run: node --import tsx bench/pdf/run.ts   → prints timings, writes bench-results/pdf.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { loadFontBytes, resolveFontsDir } from '../../src-main/core/export/pdf/fonts';
import { exportPdf, type PdfExportItem } from '../../src-main/core/export/pdf/index';
import { articleText } from '../../src-main/shared/text';
import type { ArticleVersion, HighlightColor } from '../../src-main/shared/types';
import { highlight, longArticle } from '../../tests/fixtures/export-pdf/articles';

const ARTICLES = 20;
const HIGHLIGHTS_PER_ARTICLE = 10;
const COLORS: HighlightColor[] = ['yellow', 'green', 'blue', 'pink', 'purple'];
const RUNS = 3;

function corpus(): PdfExportItem[] {
  return Array.from({ length: ARTICLES }, (_, i) => {
    const article = longArticle(`bench-${i}`, 5);
    const v = article.versions[0] as ArticleVersion;
    const text = articleText(v.paragraphs);
    const annotations = Array.from({ length: HIGHLIGHTS_PER_ARTICLE }, (_, k) => {
      // Spread highlights through the article; each spans ~60–140 characters, often across lines.
      const from = text.indexOf(' ', Math.floor(((k + 0.5) / HIGHLIGHTS_PER_ARTICLE) * (text.length - 200))) + 1;
      const to = text.lastIndexOf(' ', from + 60 + ((k * 37) % 80));
      const quote = text.slice(from, to);
      const occurrence = text.slice(0, from).split(quote).length - 1;
      return highlight(article.id, v, quote, COLORS[k % COLORS.length] as HighlightColor, k % 2 === 0 ? `Ghi chú số ${k + 1} cho bài ${i + 1}` : '', occurrence);
    });
    return { article, annotations };
  });
}

async function baseline(items: PdfExportItem[]): Promise<{ ms: number; pages: number; bytes: number }> {
  const t0 = performance.now();
  const fonts = await loadFontBytes(resolveFontsDir());
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const regular = await doc.embedFont(fonts.regular, { subset: true, features: { liga: false } });
  await doc.embedFont(fonts.bold, { subset: true, features: { liga: false } });
  await doc.embedFont(fonts.italic, { subset: true, features: { liga: false } });
  const lines = items.flatMap((it) => (it.article.versions[0]?.paragraphs ?? []).flatMap((p) => p.text.match(/.{1,90}/gu) ?? []));
  let page = doc.addPage([595.28, 841.89]);
  lines.forEach((line, i) => {
    if (i > 0 && i % 48 === 0) page = doc.addPage([595.28, 841.89]);
    page.drawText(line, { x: 60, y: 780 - (i % 48) * 15, size: 10.5, font: regular, color: rgb(0.1, 0.1, 0.1) });
  });
  const bytes = await doc.save({ useObjectStreams: true });
  return { ms: performance.now() - t0, pages: doc.getPageCount(), bytes: bytes.length };
}

async function folio(items: PdfExportItem[]): Promise<{ ms: number; pages: number; bytes: number }> {
  const t0 = performance.now();
  const out = await exportPdf(items, { lang: 'vi', paper: 'a4', author: 'Bench', now: new Date('2024-01-01T00:00:00Z') });
  const ms = performance.now() - t0;
  const pages = (await PDFDocument.load(out, { updateMetadata: false })).getPageCount();
  return { ms, pages, bytes: out.length };
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;

const items = corpus();
await folio(items.slice(0, 1)); // warm up module loading and the JIT
await baseline(items.slice(0, 1));
const runs = { folio: [] as Array<Awaited<ReturnType<typeof folio>>>, baseline: [] as Array<Awaited<ReturnType<typeof baseline>>> };
for (let r = 0; r < RUNS; r++) {
  runs.baseline.push(await baseline(items));
  runs.folio.push(await folio(items));
}
const f = runs.folio[0] as Awaited<ReturnType<typeof folio>>;
const b = runs.baseline[0] as Awaited<ReturnType<typeof baseline>>;
const result = {
  operation: 'pdf-export',
  node: process.version,
  articles: ARTICLES,
  highlights: ARTICLES * HIGHLIGHTS_PER_ARTICLE,
  pages: f.pages,
  bytes: f.bytes,
  exportMs: Math.round(median(runs.folio.map((x) => x.ms))),
  baseline: {
    description: 'pdf-lib alone: same paragraph texts, same 3 subset fonts, fixed 90-char lines, 48 lines/page; no layout, highlights, annotations, notes, outline',
    pages: b.pages,
    ms: Math.round(median(runs.baseline.map((x) => x.ms))),
  },
  ratio: 0,
  runs: RUNS,
  date: new Date().toISOString(),
};
result.ratio = Math.round((result.exportMs / result.baseline.ms) * 100) / 100;
console.log(`PDF export: ${result.pages} pages, ${result.highlights} highlights, ${(result.bytes / 1024).toFixed(0)} KiB in ${result.exportMs} ms (median of ${RUNS})`);
console.log(`baseline (pdf-lib draw only, ${result.baseline.pages} pages): ${result.baseline.ms} ms → ratio ${result.ratio}×`);
const outDir = path.resolve('bench-results');
mkdirSync(outDir, { recursive: true });
writeFileSync(path.join(outDir, 'pdf.json'), `${JSON.stringify(result, null, 2)}\n`);
