/**
 * Lays out whole articles on pages (pure geometry): each article starts on a new page,
 * full-width rows flow down the text block, paired rows (one alignment bead) start level in
 * two columns and the next row starts below the longer one. Page numbers go in the footer.
 */
import type { ArticleModel } from './document-model';
import { flowBlocks, laterCursor, mustStartOnNextPage, pageAt, type Cursor, type FlowContext, type Region } from './flow';
import type { DocumentLayout } from './geometry';
import type { TextMeasurer } from './measure';
import { COLUMN_GAP, FOOTER_BASELINE, MARGINS, PAPER_SIZES, type Paper } from './styles';

/** Options of `paginate`. */
export interface PaginateOptions {
  paper: Paper;
  /** Called after each article is laid out. */
  onArticle?: (done: number, total: number) => void;
}

/** Lay out `articles` on pages of `opts.paper`. */
export function paginate(m: TextMeasurer, articles: readonly ArticleModel[], opts: PaginateOptions): DocumentLayout {
  const { width, height } = PAPER_SIZES[opts.paper];
  const ctx: FlowContext = { m, width, height, top: MARGINS.top, bottom: height - MARGINS.bottom, pages: [] };
  const full: Region = { x: MARGINS.left, width: width - MARGINS.left - MARGINS.right };
  const colWidth = (full.width - COLUMN_GAP) / 2;
  const left: Region = { x: full.x, width: colWidth };
  const right: Region = { x: full.x + colWidth + COLUMN_GAP, width: colWidth };
  const outline: DocumentLayout['outline'] = [];

  articles.forEach((article, k) => {
    let at: Cursor = { page: ctx.pages.length, y: ctx.top };
    pageAt(ctx, at.page);
    outline.push({ title: article.title, page: at.page, y: height - ctx.top });
    for (const row of article.rows) {
      if (row.kind === 'full') {
        at = flowBlocks(ctx, row.blocks, full, at);
        continue;
      }
      // Both columns move to the next page if either cannot start here, so the bead stays level.
      if (mustStartOnNextPage(ctx, row.left, left, at) || mustStartOnNextPage(ctx, row.right, right, at)) {
        at = { page: at.page + 1, y: ctx.top };
      }
      at = laterCursor(flowBlocks(ctx, row.left, left, at), flowBlocks(ctx, row.right, right, at));
    }
    opts.onArticle?.(k + 1, articles.length);
  });

  ctx.pages.forEach((page, i) => {
    const label = String(i + 1);
    const size = 8.5;
    page.texts.push({ x: (width - m.width(label, 'regular', size)) / 2, y: FOOTER_BASELINE, text: label, font: 'regular', size, color: [0.45, 0.45, 0.5] });
  });
  return { pages: ctx.pages, outline };
}
