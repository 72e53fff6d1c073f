/**
 * Writes highlights as standard /Highlight annotations (PDF 32000-1 §12.5.6.10), the way
 * Zotero's pdf-worker does so that every viewer shows them (koreader#11147): /QuadPoints, /Rect,
 * /C, /Contents and /T as UTF-16BE text strings, /M and /CreationDate, /NM, /F 4 (print,
 * zotero#2596), an appearance stream /AP /N filling the quads with a multiply blend
 * (koreader#11147: no /AP, not shown), and a /Popup when there is a note. The annotation is
 * the only paint of the highlight (no fill in the page content), so deleting, recolouring or
 * hiding comments in a viewer does what it says. No /CA on the annotation: the opacity lives
 * in the appearance's ExtGState, and viewers would otherwise apply it twice.
 *
 * Choice: one annotation per highlight per page, with one quad per line segment. A highlight
 * crossing a page break therefore yields one annotation on each page, sharing /NM.
 */
import type { PDFPage, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-runtime';

const { PDFHexString, PDFName, PDFString } = pdfLib;
import type { AnchoredAnnotation } from '../../../shared/types';
import { boundingBox, type Box, type PlacedHighlight, type PlacedNote } from './geometry';
import { noteToPlainText } from './note-markdown';
import { pdfDate, parseIsoDate } from './pdf-date';
import { HIGHLIGHT_OPACITY } from './highlight-blend';
import { HIGHLIGHT_RGB } from './styles';


const num = (n: number): string => (Math.round(n * 1000) / 1000).toString();

/**
 * QuadPoints of boxes, four corners each in the order Acrobat and Zotero write and pdf.js
 * reads: upper-left, upper-right, lower-left, lower-right (PDF 32000-1 Table 179's prose says
 * counter-clockwise, but viewers follow Acrobat's order).
 */
export function quadPoints(boxes: readonly Box[]): number[] {
  return boxes.flatMap((b) => [b.x1, b.y2, b.x2, b.y2, b.x1, b.y1, b.x2, b.y1]);
}

/** Options shared by all annotations of one export. */
export interface AnnotationWriteOptions {
  author?: string;
  now: Date;
  /**
   * The first part of a highlight that crosses a page break. This part is then grouped with it
   * (/IRT + /RT /Group, PDF 32000-1 §12.5.6.2), without its own note or popup, so viewers list
   * one comment per highlight.
   */
  continues?: PDFRef;
}

/** Add the /Highlight annotation (and its /Popup) for `placed` to `page`. */
export function writeHighlightAnnotation(page: PDFPage, placed: PlacedHighlight, annotation: AnchoredAnnotation, opts: AnnotationWriteOptions): PDFRef {
  const context = page.doc.context;
  const rect = boundingBox(placed.boxes);
  const color = HIGHLIGHT_RGB[placed.color];
  const ops = [
    'q',
    '/G0 gs',
    `${num(color[0])} ${num(color[1])} ${num(color[2])} rg`,
    ...placed.boxes.map((b) => `${num(b.x1)} ${num(b.y1)} ${num(b.x2 - b.x1)} ${num(b.y2 - b.y1)} re f`),
    'Q',
  ].join('\n');
  // /BBox equals /Rect and /Matrix is the identity, so the form draws in page coordinates (§12.5.5).
  const appearance = context.register(
    context.stream(ops, {
      Type: 'XObject',
      Subtype: 'Form',
      FormType: 1,
      BBox: [rect.x1, rect.y1, rect.x2, rect.y2],
      Resources: { ExtGState: { G0: { Type: 'ExtGState', BM: 'Multiply', CA: HIGHLIGHT_OPACITY, ca: HIGHLIGHT_OPACITY } } },
    }),
  );
  const note = opts.continues ? '' : noteToPlainText(annotation.note);
  const dict = context.obj({
    Type: 'Annot',
    Subtype: 'Highlight',
    Rect: [rect.x1, rect.y1, rect.x2, rect.y2],
    QuadPoints: quadPoints(placed.boxes),
    C: [...color],
    F: 4,
    P: page.ref,
    AP: { N: appearance },
  });
  dict.set(PDFName.of('NM'), PDFHexString.fromText(annotation.id));
  dict.set(PDFName.of('M'), PDFString.of(pdfDate(parseIsoDate(annotation.updated, opts.now))));
  dict.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(parseIsoDate(annotation.created, opts.now))));
  if (opts.author) dict.set(PDFName.of('T'), PDFHexString.fromText(opts.author));
  if (note) dict.set(PDFName.of('Contents'), PDFHexString.fromText(note));
  if (opts.continues) {
    dict.set(PDFName.of('IRT'), opts.continues);
    dict.set(PDFName.of('RT'), PDFName.of('Group'));
  }
  const ref = context.register(dict);
  page.node.addAnnot(ref);
  if (note) {
    const { width } = page.getSize();
    const popup = context.obj({
      Type: 'Annot',
      Subtype: 'Popup',
      Parent: ref,
      Open: false,
      Rect: [Math.max(0, width - 220), Math.max(0, rect.y2 - 130), width - 10, rect.y2],
    });
    const popupRef = context.register(popup);
    dict.set(PDFName.of('Popup'), popupRef);
    page.node.addAnnot(popupRef);
  }
  return ref;
}

/**
 * A sticky note (/Text annotation, PDF 32000-1 §12.5.6.4) for an article-level note or an
 * orphaned highlight, so these notes appear in a viewer's comment list too. /F 28: print,
 * no zoom, no rotate (the icon keeps its size, as sticky notes do).
 */
export function writeTextAnnotation(page: PDFPage, at: PlacedNote, annotation: AnchoredAnnotation, opts: AnnotationWriteOptions): PDFRef {
  const context = page.doc.context;
  const color = HIGHLIGHT_RGB[annotation.color];
  const dict = context.obj({
    Type: 'Annot',
    Subtype: 'Text',
    Rect: [at.x, at.y - 18, at.x + 18, at.y],
    Name: 'Comment',
    C: [...color],
    F: 28,
    P: page.ref,
    Open: false,
  });
  dict.set(PDFName.of('NM'), PDFHexString.fromText(annotation.id));
  dict.set(PDFName.of('M'), PDFString.of(pdfDate(parseIsoDate(annotation.updated, opts.now))));
  dict.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(parseIsoDate(annotation.created, opts.now))));
  if (opts.author) dict.set(PDFName.of('T'), PDFHexString.fromText(opts.author));
  dict.set(PDFName.of('Contents'), PDFHexString.fromText(noteToPlainText(annotation.note)));
  const ref = context.register(dict);
  page.node.addAnnot(ref);
  return ref;
}
