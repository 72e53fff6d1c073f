/**
 * Lays out whole articles on pages (pure geometry): each article starts on a new page,
 * full-width rows flow down the text block, paired rows (one alignment bead) start level in
 * two columns and the next row starts below the longer one. A running header and "page n of m"
 * go above and below the text block.
 */
import type { ArticleModel } from './document-model';
import { blocksHeight, flowBlocks, laterCursor, mustStartOnNextPage, openingHeight, pageAt, type Cursor, type FlowContext, type Region } from './flow';
import type { DocumentLayout, OutlineEntry } from './geometry';
import type { TextMeasurer } from './measure';
import { needsShaping } from './shaper';
import { paragraphLevels, visualLine } from './bidi';
import { COLUMN_GAP, FOOTER_BASELINE, HEADER_BASELINE, MARGINS, PAPER_SIZES, type FontKey, type Paper, type Rgb } from './styles';

/** Options of `paginate`. */
export interface PaginateOptions {
  paper: Paper;
  /** Footer: "Page 3 of 12" in the labels' language (default English). */
  pageLabel?: (page: number, pages: number) => string;
  /** Called after each article is laid out. */
  onArticle?: (done: number, total: number) => void;
}

/** Lay out `articles` on pages of `opts.paper`. */
export function paginate(m: TextMeasurer, articles: readonly ArticleModel[], opts: PaginateOptions): DocumentLayout {
  const { width, height } = PAPER_SIZES[opts.paper];
  const ctx: FlowContext = { m, width, height, top: MARGINS.top, bottom: height - MARGINS.bottom, pages: [], bookmarks: [], structure: [], structOf: new WeakMap() };
  const full: Region = { x: MARGINS.left, width: width - MARGINS.left - MARGINS.right };
  const colWidth = (full.width - COLUMN_GAP) / 2;
  const left: Region = { x: full.x, width: colWidth };
  const right: Region = { x: full.x + colWidth + COLUMN_GAP, width: colWidth };
  const outline: DocumentLayout['outline'] = [];

  const rowOpening = (row: ArticleModel['rows'][number]): number =>
    row.kind === 'full' ? openingHeight(ctx, row.blocks, full) : Math.max(openingHeight(ctx, row.left, left), openingHeight(ctx, row.right, right));
  const startsAt: number[] = [];
  articles.forEach((article, k) => {
    let at: Cursor = { page: ctx.pages.length, y: ctx.top };
    pageAt(ctx, at.page);
    startsAt.push(at.page);
    const firstBookmark = ctx.bookmarks.length;
    const entry: OutlineEntry = { title: article.title, page: at.page, y: height - ctx.top };
    outline.push(entry);
    article.rows.forEach((row, r) => {
      if (row.kind === 'full') {
        at = flowBlocks(ctx, row.blocks, full, at);
        return;
      }
      // Both columns move to the next page if either cannot start here, so the bead stays level;
      // a bead ending in a heading also needs the next bead's opening lines below it.
      const next = article.rows[r + 1];
      const keeps = (row.left.at(-1)?.style.keepWithNext ?? false) || (row.right.at(-1)?.style.keepWithNext ?? false);
      const keptHeight = keeps && next ? Math.max(blocksHeight(ctx, row.left, left), blocksHeight(ctx, row.right, right)) + rowOpening(next) : 0;
      if (mustStartOnNextPage(ctx, row.left, left, at) || mustStartOnNextPage(ctx, row.right, right, at) || (at.y > ctx.top && at.y + keptHeight > ctx.bottom)) {
        at = { page: at.page + 1, y: ctx.top };
      }
      at = laterCursor(flowBlocks(ctx, row.left, left, at), flowBlocks(ctx, row.right, right, at));
    });
    const children = ctx.bookmarks.slice(firstBookmark);
    if (children.length > 0) entry.children = children;
    opts.onArticle?.(k + 1, articles.length);
  });

  // Running header (the article's title, except on the page where it starts) and "page n of m"
  // footer: pagination artifacts, seen on paper but not part of the text (PDF 32000-1 §14.8.2.2).
  const pageLabel = opts.pageLabel ?? ((n: number, total: number) => `Page ${n} of ${total}`);
  let current = -1;
  ctx.pages.forEach((page, i) => {
    while (current + 1 < articles.length && (startsAt[current + 1] ?? Infinity) <= i) current++;
    const size = 8.5;
    const color: Rgb = [0.45, 0.45, 0.5];
    const label = pageLabel(i + 1, ctx.pages.length);
    page.texts.push({ x: (width - m.width(label, 'regular', size)) / 2, y: FOOTER_BASELINE, text: label, font: 'regular', size, color, artifact: true });
    const title = articles[current]?.title;
    if (title && startsAt[current] !== i) {
      const text = fitText(m, title, 'italic', size, full.width);
      const runs = m.runs(text, 'italic', size);
      const primaryOnly = !needsShaping(text) && runs.every((r) => r.face === 'italic');
      if (primaryOnly) page.texts.push({ x: full.x, y: height - HEADER_BASELINE, text, font: 'italic', size, color, artifact: true });
      else {
        // A title the italic face cannot draw alone (a complex script, CJK, symbols): each run in
        // its own face, shaped where needed, as in the body. Titles the italic face has keep
        // its outlines, unchanged.
        // Right-to-left words in visual order (rule L2 over the runs' levels), the line still set from the left.
        const levels = paragraphLevels(text);
        let lx = 0;
        let offset = 0;
        const atoms = runs.map((r) => {
          const atom = { lx, width: r.width, level: levels?.levels[text.indexOf(r.text, offset)] ?? 0 };
          offset = text.indexOf(r.text, offset) + r.text.length;
          lx += r.width;
          return atom;
        });
        const line = visualLine(atoms, full.x);
        runs.forEach((r, k) => {
          const a = atoms[k] as (typeof atoms)[number];
          const x = line.map(a.lx, a.lx + a.width)[0]?.[0] ?? full.x + a.lx;
          page.texts.push({ x, y: height - HEADER_BASELINE, text: r.text, font: 'italic', face: r.face, ...(r.glyphs && { glyphs: r.glyphs }), size, color, artifact: true });
        });
      }
    }
  });
  return { pages: ctx.pages, outline, structure: ctx.structure };
}

/** `text` cut with an ellipsis to fit `width`. */
function fitText(m: TextMeasurer, text: string, font: FontKey, size: number, width: number): string {
  if (m.width(text, font, size) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && m.width(`${chars.join('').trimEnd()}…`, font, size) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}
