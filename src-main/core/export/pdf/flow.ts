/**
 * Flows styled blocks down a column, page after page (pure geometry). Handles space before and
 * after blocks, keep-with-next for headings, and orphan/widow control: a paragraph never leaves
 * its first line alone at a page foot nor carries its last line alone to the next page.
 */
import type { ModelBlock } from './document-model';
import type { PageLayout, PlacedHighlight, StructElement } from './geometry';
import { breakLines, type Line } from './line-break';
import { spanExtent } from './line-geometry';
import { isRtlAt, mirrored, paragraphLevels, visualLine, type LineAtom, type ParagraphLevels } from './bidi';
import { REPLACEMENT_FACE, replacementWidth, type TextMeasurer } from './measure';
import { rangeWidth, styleSegments } from './styled-text';
import { MARKER, type BlockStyle } from './styles';

/** A position in the flow: page index and distance from the page's top edge. */
export interface Cursor {
  page: number;
  y: number;
}

/** A column: left edge and width, in points. */
export interface Region {
  x: number;
  width: number;
}

/** Shared state of one document's flow: the measurer, the page frame, the pages made so far. */
export interface FlowContext {
  m: TextMeasurer;
  width: number;
  height: number;
  top: number;
  bottom: number;
  pages: PageLayout[];
  /** Bookmarks of blocks that asked for one (headings, the notes section), in flow order. */
  bookmarks: Array<{ title: string; page: number; y: number }>;
  /** Structure elements, one per block in the order blocks are flowed. */
  structure: StructElement[];
  structOf: WeakMap<ModelBlock, number>;
}

const EPS = 1e-6;
const graphemes = new Intl.Segmenter('vi', { granularity: 'grapheme' });

/** The later of two cursors (further down the document). */
export function laterCursor(a: Cursor, b: Cursor): Cursor {
  if (a.page !== b.page) return a.page > b.page ? a : b;
  return a.y >= b.y ? a : b;
}

/** The page at `index`, creating blank pages up to it. */
export function pageAt(ctx: FlowContext, index: number): PageLayout {
  while (ctx.pages.length <= index) ctx.pages.push({ width: ctx.width, height: ctx.height, texts: [], rules: [], highlights: [], links: [], anchors: [], notes: [] });
  return ctx.pages[index] as PageLayout;
}

const lineHeight = (s: BlockStyle): number => s.size * s.leading;

// Blocks are measured twice (fit check, then placement): remember the last result per block.
const lineCache = new WeakMap<ModelBlock, { width: number; lines: Line[] }>();

function linesOf(ctx: FlowContext, block: ModelBlock, region: Region): Line[] {
  const cached = lineCache.get(block);
  if (cached && cached.width === region.width) return cached.lines;
  const lines = breakNow(ctx, block, region);
  lineCache.set(block, { width: region.width, lines });
  return lines;
}

function breakNow(ctx: FlowContext, block: ModelBlock, region: Region): Line[] {
  const s = block.style;
  return breakLines(ctx.m, { text: block.text, markers: block.markers, font: s.font, size: s.size, width: region.width - s.indentLeft - s.indentRight, ...(block.styles && { styles: block.styles }) });
}

/**
 * Whether `blocks` must start on the next page: the first block's opening lines (two, or one
 * for a one-line block) do not fit; for keep-with-next (headings, and the translation of a
 * heading under it), the whole chain of kept blocks plus the opening of the block after it.
 */
export function mustStartOnNextPage(ctx: FlowContext, blocks: readonly ModelBlock[], region: Region, at: Cursor): boolean {
  if (!blocks[0] || at.y <= ctx.top + EPS) return false;
  return at.y + openingHeight(ctx, blocks, region) > ctx.bottom + EPS;
}

/** Height `blocks` need at a page foot before a break may follow (see mustStartOnNextPage). */
export function openingHeight(ctx: FlowContext, blocks: readonly ModelBlock[], region: Region): number {
  let need = 0;
  for (const [k, block] of blocks.entries()) {
    const n = linesOf(ctx, block, region).length;
    const kept = block.style.keepWithNext === true && k + 1 < blocks.length;
    need += block.style.spaceBefore + (kept ? n : Math.min(2, Math.max(1, n))) * lineHeight(block.style);
    if (!kept) break;
    need += block.style.spaceAfter;
  }
  return need;
}

/** Full height of `blocks` set one after another (no page break). */
export function blocksHeight(ctx: FlowContext, blocks: readonly ModelBlock[], region: Region): number {
  return blocks.reduce((h, b, k) => h + (k > 0 ? b.style.spaceBefore : 0) + linesOf(ctx, b, region).length * lineHeight(b.style) + b.style.spaceAfter, 0);
}

/** Flow `blocks` into `region` from `start`; returns the cursor after the last block. */
export function flowBlocks(ctx: FlowContext, blocks: readonly ModelBlock[], region: Region, start: Cursor): Cursor {
  let at = start;
  blocks.forEach((block, k) => {
    if (mustStartOnNextPage(ctx, blocks.slice(k), region, at)) at = { page: at.page + 1, y: ctx.top };
    at = flowBlock(ctx, block, region, at);
  });
  return at;
}

function flowBlock(ctx: FlowContext, block: ModelBlock, region: Region, start: Cursor): Cursor {
  const s = block.style;
  const lines = linesOf(ctx, block, region);
  if (lines.length === 0) return start;
  const lh = lineHeight(s);
  let { page, y } = start;
  if (y > ctx.top + EPS) y += s.spaceBefore;
  let i = 0;
  while (i < lines.length) {
    const fit = Math.floor((ctx.bottom - y + EPS) / lh);
    const remaining = lines.length - i;
    let take = Math.min(fit, remaining);
    if (take < remaining) {
      if (i === 0 && take === 1) take = 0; // orphan: a lone first line at the foot
      else if (remaining - take === 1 && take >= (i === 0 ? 3 : 2)) take -= 1; // widow: a lone last line on top
    }
    if (take <= 0) {
      if (y <= ctx.top + EPS) take = Math.min(1, remaining); // a line taller than the page: place it anyway
      else {
        page++;
        y = ctx.top;
        continue;
      }
    }
    placeLines(ctx, block, lines.slice(i, i + take), region, pageAt(ctx, page), y, i === 0);
    i += take;
    y += take * lh;
    if (i < lines.length) {
      page++;
      y = ctx.top;
    }
  }
  return { page, y: y + s.spaceAfter };
}

/** Draw `lines` of `block` on `page` from top `y`: text, markers, bullet, rule, highlight boxes. */
function placeLines(ctx: FlowContext, block: ModelBlock, lines: readonly Line[], region: Region, page: PageLayout, top: number, isFirst: boolean): void {
  const s = block.style;
  const lh = lineHeight(s);
  const { ascent, descent } = ctx.m.extents(s.font);
  const x0 = region.x + s.indentLeft;
  lines.forEach((line, n) => {
    const lineTop = top + n * lh;
    const baseline = ctx.height - (lineTop + (lh - (ascent + descent) * s.size) / 2 + ascent * s.size);
    const yTop = baseline + ascent * s.size;
    const yBottom = baseline - descent * s.size;
    const vis = lineBidi(ctx, block, line, x0, region.width - s.indentLeft - s.indentRight);
    for (const p of line.pieces) {
      if (p.kind === 'text') placeText(ctx, page, block, p.start, p.end, p.x, baseline, vis);
      else {
        const [mx] = vis.map(p.x, p.x + p.width)[0] ?? [x0 + p.x];
        page.texts.push({ x: mx, y: baseline + MARKER.rise * s.size, text: p.label, font: s.font, size: s.size * MARKER.scale, color: MARKER.color, artifact: true });
        if (p.id !== undefined) {
          // The number jumps to its end note; the end note's number jumps back here.
          page.links.push({ box: { x1: mx - 1, y1: yBottom, x2: mx + p.width + 1, y2: yTop }, dest: `note:${p.id}`, label: p.label });
          page.anchors.push({ name: `ref:${p.id}`, y: ctx.height - lineTop });
        }
      }
    }
    for (const link of block.links ?? []) {
      const ext = spanExtent(ctx.m, block.text, line, link.start, link.end, s.font, s.size, block.styles);
      for (const [x1, x2] of ext ? vis.map(ext[0], ext[1]) : []) page.links.push({ box: { x1, x2, y1: yBottom, y2: yTop }, uri: link.uri });
    }
    if (n === 0 && isFirst) {
      if (block.anchor) page.anchors.push({ name: block.anchor, y: ctx.height - lineTop });
      if (block.bookmark) ctx.bookmarks.push({ title: block.bookmark, page: ctx.pages.indexOf(page), y: ctx.height - lineTop });
      if (block.textNote) page.notes.push({ annotationId: block.textNote, x: ctx.width - 44, y: yTop });
    }
    for (const span of block.spans) {
      const ext = spanExtent(ctx.m, block.text, line, span.start, span.end, s.font, s.size, block.styles);
      if (!ext) continue;
      let h = page.highlights.find((x) => x.annotationId === span.annotationId);
      if (!h) {
        h = { annotationId: span.annotationId, color: span.color, boxes: [] } satisfies PlacedHighlight;
        page.highlights.push(h);
      }
      // Mixed directions can show one logical span as several visual pieces.
      for (const [x1, x2] of vis.map(ext[0], ext[1])) h.boxes.push({ x1, x2, y1: baseline - descent * s.size, y2: baseline + ascent * s.size });
    }
    if (n === 0 && isFirst) {
      const bullet = block.bullet ?? s.bullet;
      if (bullet) {
        const w = ctx.m.width(bullet, 'regular', s.size);
        // A list's bullet is decoration (an artifact); an end note's number is content, and links back.
        const struct = ctx.structOf.get(block);
        page.texts.push({ x: x0 - 5 - w, y: baseline, text: bullet, font: 'regular', size: s.size, color: s.color, artifact: !block.bullet, ...(struct !== undefined && { struct }) });
        if (block.backLink) page.links.push({ box: { x1: x0 - 5 - w, y1: baseline - descent * s.size, x2: x0 - 5, y2: baseline + ascent * s.size }, dest: block.backLink, label: bullet.replace(/\.$/, '') });
      }
    }
  });
  if (s.rule && lines.length > 0) {
    const yTop = ctx.height - top - (lh - s.size) / 2;
    const yBottom = ctx.height - (top + lines.length * lh) + (lh - s.size) / 2;
    page.rules.push({ x: region.x + Math.min(3, s.indentLeft / 3), y1: yBottom, y2: yTop, color: [0.72, 0.72, 0.76], width: 1.2 });
  }
}

/** How one line is shown: logical x (left-to-right layout) → visual x on the page. */
interface LineVisual {
  levels: ParagraphLevels | null;
  map(lx1: number, lx2: number): Array<[number, number]>;
}

const levelsCache = new WeakMap<ModelBlock, ParagraphLevels | null>();

function levelsOf(block: ModelBlock): ParagraphLevels | null {
  // An end note is Folio's own sentence (number, quote, page, note) in the interface language:
  // left to right even when the quote it starts with is Hebrew.
  if (!levelsCache.has(block)) levelsCache.set(block, paragraphLevels(block.text, block.role === 'Note' ? 'ltr' : undefined));
  return levelsCache.get(block) ?? null;
}

/** Stretches of [start, end) at one embedding level (the whole range when there is no right-to-left text). */
function levelRuns(levels: ParagraphLevels | null, start: number, end: number): Array<[number, number]> {
  if (!levels) return end > start ? [[start, end]] : [];
  const out: Array<[number, number]> = [];
  let a = start;
  while (a < end) {
    let b = a + 1;
    while (b < end && levels.levels[b] === levels.levels[a]) b++;
    out.push([a, b]);
    a = b;
  }
  return out;
}

/**
 * The visual map of `line`: identity from `x0` for left-to-right text; otherwise each stretch
 * at one level (text, the gap before it, a note marker) placed by the bidi algorithm, and a
 * right-to-left paragraph's line set flush right in the `available` width.
 */
function lineBidi(ctx: FlowContext, block: ModelBlock, line: Line, x0: number, available: number): LineVisual {
  const levels = levelsOf(block);
  if (!levels) return { levels, map: (a, b) => (b > a ? [[x0 + a, x0 + b]] : []) };
  const s = block.style;
  const at = (i: number): number => levels.levels[i] ?? 0;
  const base = isRtlAt(levels, line.start) ? 1 : 0;
  const atoms: LineAtom[] = [];
  let lx = 0;
  let last = base;
  for (const p of line.pieces) {
    // The spaces before a piece (after a note marker) take the level the algorithm gave them.
    if (p.x > lx + EPS) atoms.push({ lx, width: p.x - lx, level: p.kind === 'text' && p.start > 0 ? at(p.start - 1) : last });
    if (p.kind === 'text') {
      let x = p.x;
      for (const [a, b] of levelRuns(levels, p.start, p.end)) {
        const width = rangeWidth(ctx.m, block.text, a, b, s.font, s.size, block.styles);
        atoms.push({ lx: x, width, level: at(a) });
        x += width;
      }
      last = p.end > p.start ? at(p.end - 1) : last;
      lx = x;
    } else {
      atoms.push({ lx: p.x, width: p.width, level: last });
      lx = p.x + p.width;
    }
  }
  const origin = base === 1 ? x0 + Math.max(0, available - lx) : x0;
  const v = visualLine(atoms, origin);
  return { levels, map: (a, b) => v.map(a, b) };
}

/**
 * Text [start, end) of `block` from logical x `lx`: cut where its styles or embedding levels
 * change (rich notes, right-to-left stretches), then into runs of one face each (fallback
 * fonts), each drawn at its visual x but emitted in logical order, so extraction stays logical.
 */
function placeText(ctx: FlowContext, page: PageLayout, block: ModelBlock, start: number, end: number, lx: number, baseline: number, vis: LineVisual): void {
  const s = block.style;
  let struct = ctx.structOf.get(block);
  if (struct === undefined) {
    struct = ctx.structure.length;
    ctx.structure.push({ role: block.role ?? 'P', ...(block.lang && { lang: block.lang }) });
    ctx.structOf.set(block, struct);
  }
  let lastX = vis.map(lx, lx + 1e-3)[0]?.[0] ?? lx;
  for (const seg of styleSegments(start, end, s.font, block.styles)) {
    for (const [a, b] of levelRuns(vis.levels, seg.start, seg.end)) {
      const odd = ((vis.levels?.levels[a] ?? 0) & 1) === 1;
      for (const run of ctx.m.runs(block.text.slice(a, b), seg.font, s.size)) {
        const [x, xEnd] = vis.map(lx, lx + run.width)[0] ?? [lastX, lastX];
        lastX = x;
        const common = { y: baseline, font: seg.font, ...(run.face !== seg.font && { face: run.face }), size: s.size, color: seg.color ?? s.color, struct };
        // The font engine reverses right-to-left scripts itself; boxes standing for them are
        // drawn reversed (readers put right-to-left letters back in logical order). Anything
        // else at an odd level (punctuation, spaces) is placed one cluster at a time from the
        // right, still emitted in logical order; a mirrored bracket keeps its logical
        // character as /ActualText.
        if (run.glyphs) {
          // Shaped by HarfBuzz: glyphs already in visual order, drawn as measured.
          page.texts.push({ x, text: run.text, glyphs: run.glyphs, ...common });
        } else if (run.rtl && run.face === REPLACEMENT_FACE) {
          page.texts.push({ x, text: [...graphemes.segment(run.text)].map((g) => g.segment).reverse().join(''), ...common });
        } else if (odd && !run.rtl) {
          let right = xEnd;
          for (const { segment } of graphemes.segment(run.text)) {
            const w = run.face === REPLACEMENT_FACE ? replacementWidth(segment) * s.size : ctx.m.width(segment, seg.font, s.size);
            const shown = mirrored(segment);
            page.texts.push({ x: right - w, text: shown, ...common, ...(shown !== segment && { actualText: segment }) });
            right -= w;
          }
        } else page.texts.push({ x, text: run.text, ...common });
        lx += run.width;
      }
    }
  }
}
