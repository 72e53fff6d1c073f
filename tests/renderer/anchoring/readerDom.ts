/**
 * Builds article DOM the way the reader renders it: paragraph elements with `data-paragraph`,
 * highlight `<mark>`s holding search-match `<span>`s, and note-number `<sup data-folio-ignore>`
 * markers where highlights begin, with formatting whitespace between paragraph elements.
 */
import { segmentParagraph, type PlacedHighlight } from '../../../src-renderer/features/reader/segments';
import { paragraphOffsets } from '../../../src-main/shared/text';
import type { Paragraph, Range as TextRange } from '../../../src-main/shared/types';

/** Paragraph objects from plain strings; the first is a heading. */
export function makeParagraphs(texts: string[]): Paragraph[] {
  return texts.map((text, index) => ({ index, kind: index === 0 ? 'heading' : 'paragraph', text }));
}

/** Renders the page (header, article root, aside) into document.body and returns the root. */
export function renderArticle(
  paragraphs: Paragraph[],
  highlights: PlacedHighlight[] = [],
  marks: Record<number, TextRange[]> = {},
): { root: HTMLElement; starts: number[] } {
  document.body.innerHTML = '';
  const header = document.createElement('header');
  header.innerHTML = '<h1>Folio</h1><p>Library / Article</p>';
  const root = document.createElement('article');
  const aside = document.createElement('aside');
  aside.textContent = 'Notes panel text';
  document.body.append(header, root, aside);

  const starts = paragraphOffsets(paragraphs);
  let noteNumber = 0;
  for (const p of paragraphs) {
    root.append(document.createTextNode('\n    '));
    const el = document.createElement(p.kind === 'heading' ? 'h2' : 'p');
    el.setAttribute('data-paragraph', String(p.index));
    for (const segment of segmentParagraph(p.text, starts[p.index]!, highlights, marks[p.index])) {
      for (const id of segment.startIds) {
        const sup = document.createElement('sup');
        sup.setAttribute('data-folio-ignore', '');
        sup.dataset.note = id;
        sup.textContent = String(++noteNumber);
        el.append(sup);
      }
      let inner: Node = document.createTextNode(segment.text);
      if (segment.match) {
        const span = document.createElement('span');
        span.className = 'match';
        span.append(inner);
        inner = span;
      }
      if (segment.highlightIds.length > 0) {
        const mark = document.createElement('mark');
        mark.dataset.ids = segment.highlightIds.join(' ');
        mark.append(inner);
        inner = mark;
      }
      el.append(inner);
    }
    root.append(el);
  }
  root.append(document.createTextNode('\n'));
  return { root, starts };
}

/** The text node under `scope` whose data contains `needle`, and the point at its `nth` character. */
export function pointIn(scope: Node, needle: string, delta = 0): { node: Text; offset: number } {
  const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = (n as Text).data.indexOf(needle);
    if (at >= 0) return { node: n as Text, offset: at + delta };
  }
  throw new Error(`no text node contains ${JSON.stringify(needle)}`);
}

/** A DOM Range between two points. */
export function rangeBetween(a: { node: Node; offset: number }, b: { node: Node; offset: number }): Range {
  const range = document.createRange();
  range.setStart(a.node, a.offset);
  range.setEnd(b.node, b.offset);
  return range;
}
