import { beforeEach, describe, expect, it } from 'vitest';
import { domPointAtOffset, textOffsetInParagraph, visibleText } from '../../../src-renderer/anchoring/paragraphText';
import { HIGHLIGHTS, MARKS, PARAGRAPHS } from './fixture';
import { pointIn, renderArticle } from './readerDom';

let root: HTMLElement;
const paragraph = (i: number) => root.querySelector(`[data-paragraph="${i}"]`)!;

beforeEach(() => {
  ({ root } = renderArticle(PARAGRAPHS, HIGHLIGHTS, MARKS));
});

describe('visibleText', () => {
  it('is exactly the paragraph text, without note markers', () => {
    PARAGRAPHS.forEach((p, i) => expect(visibleText(paragraph(i))).toBe(p.text));
    expect(paragraph(1).querySelectorAll('sup[data-folio-ignore]').length).toBe(2);
    expect(paragraph(1).textContent).not.toBe(PARAGRAPHS[1]!.text); // the markers are really there
  });
});

describe('textOffsetInParagraph', () => {
  it('counts characters across marks and spans, skipping the markers', () => {
    const p = paragraph(1);
    const text = PARAGRAPHS[1]!.text;
    const inMark = pointIn(p, 'trăm');
    expect(textOffsetInParagraph(p, inMark.node, inMark.offset)).toBe(text.indexOf('trăm'));
    const afterMarkers = pointIn(p, 'từ sớm');
    expect(textOffsetInParagraph(p, afterMarkers.node, afterMarkers.offset)).toBe(text.indexOf('từ sớm'));
    const inSpan = pointIn(paragraph(2), 'ruyện', 0);
    expect(textOffsetInParagraph(paragraph(2), inSpan.node, inSpan.offset)).toBe(PARAGRAPHS[2]!.text.indexOf('ruyện'));
  });

  it('treats a point inside an ignored marker as the point before it', () => {
    const p = paragraph(1);
    const sup = p.querySelector('sup[data-folio-ignore]')!;
    const expected = PARAGRAPHS[1]!.text.indexOf('hàng trăm');
    expect(textOffsetInParagraph(p, sup.firstChild!, 1)).toBe(expected);
    expect(textOffsetInParagraph(p, sup, 0)).toBe(expected);
  });

  it('accepts element containers with child offsets, and clamps points outside the paragraph', () => {
    const p = paragraph(1);
    expect(textOffsetInParagraph(p, p, 0)).toBe(0);
    expect(textOffsetInParagraph(p, p, p.childNodes.length)).toBe(PARAGRAPHS[1]!.text.length);
    expect(textOffsetInParagraph(p, paragraph(0).firstChild!, 3)).toBe(0);
    expect(textOffsetInParagraph(p, paragraph(3).firstChild!, 3)).toBe(PARAGRAPHS[1]!.text.length);
  });
});

describe('domPointAtOffset', () => {
  it('inverts textOffsetInParagraph at every offset of every paragraph', () => {
    PARAGRAPHS.forEach((para, i) => {
      const p = paragraph(i);
      for (let k = 0; k <= para.text.length; k++) {
        for (const affinity of ['forward', 'backward'] as const) {
          const point = domPointAtOffset(p, k, affinity);
          expect(textOffsetInParagraph(p, point.node, point.offset)).toBe(k);
        }
      }
    });
  });

  it('prefers the later node going forward and the earlier node going backward at a boundary', () => {
    const p = paragraph(1);
    const boundary = PARAGRAPHS[1]!.text.indexOf('hàng trăm');
    expect(domPointAtOffset(p, boundary, 'forward')).toMatchObject({ offset: 0 });
    expect((domPointAtOffset(p, boundary, 'forward').node as Text).data.startsWith('hàng trăm')).toBe(true);
    const back = domPointAtOffset(p, boundary, 'backward');
    expect((back.node as Text).data.endsWith('Bảy, ')).toBe(true);
  });
});
