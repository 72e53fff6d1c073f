/**
 * Turns a DocumentLayout into PDF bytes with pdf-lib: subset-embedded DejaVu Serif, rules,
 * text, then the highlight annotations, metadata and outline. Highlights are annotations only,
 * unless `flattenHighlights` asks for them painted into the page instead.
 */
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { BlendMode, PDFDocument, PDFName, PDFNumber, PDFOperator, rgb, type PDFFont, type PDFOperatorNames, type PDFPage } from 'pdf-lib';
import type { AnchoredAnnotation } from '../../../shared/types';
import { writeHighlightAnnotation } from './annotation-writer';
import { outlineOps } from './glyph-outlines';
import type { DocumentLayout, PageLayout, PlacedText } from './geometry';
import type { FontBytes } from './measure';
import { writeOutline } from './outline-writer';
import { HIGHLIGHT_OPACITY } from './highlight-blend';
import { HIGHLIGHT_RGB, type FontKey } from './styles';

/** Document information dictionary entries (PDF 32000-1 §14.3.3). */
export interface PdfMetadata {
  title: string;
  author?: string;
  subject: string;
  keywords: string[];
  language: string;
  now: Date;
  /** Paint highlights into the page content (multiply, under the text) instead of writing annotations. */
  flattenHighlights?: boolean;
}

/** Render `layout` to PDF bytes. `annotations` resolves each placed highlight's id. */
export async function writePdf(
  layout: DocumentLayout,
  fonts: FontBytes,
  parsed: Record<FontKey, Font>,
  annotations: ReadonlyMap<string, AnchoredAnnotation>,
  meta: PdfMetadata,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(fontkit);
  // Ligatures off: one glyph per code point, matching fontkitMeasurer and extracting cleanly.
  const embed = (bytes: Uint8Array): Promise<PDFFont> => doc.embedFont(bytes, { subset: true, features: { liga: false } });
  const embedded: Record<FontKey, PDFFont> = {
    regular: await embed(fonts.regular),
    bold: await embed(fonts.bold),
    italic: await embed(fonts.italic),
  };
  for (const pageLayout of layout.pages) drawPage(doc, pageLayout, embedded, parsed, annotations, meta);

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setLanguage(meta.language);
  doc.setCreator('Folio');
  doc.setProducer('Folio');
  doc.setCreationDate(meta.now);
  doc.setModificationDate(meta.now);
  writeOutline(doc, layout.outline);
  return doc.save({ useObjectStreams: true });
}

function drawPage(
  doc: PDFDocument,
  layout: PageLayout,
  fonts: Record<FontKey, PDFFont>,
  parsed: Record<FontKey, Font>,
  annotations: ReadonlyMap<string, AnchoredAnnotation>,
  meta: PdfMetadata,
): void {
  const page = doc.addPage([layout.width, layout.height]);
  // Flattened: the same multiply fill the annotation's appearance draws, painted before the text.
  if (meta.flattenHighlights) {
    for (const h of layout.highlights) {
      const [r, g, b] = HIGHLIGHT_RGB[h.color];
      for (const box of h.boxes) {
        page.drawRectangle({ x: box.x1, y: box.y1, width: box.x2 - box.x1, height: box.y2 - box.y1, color: rgb(r, g, b), opacity: HIGHLIGHT_OPACITY, blendMode: BlendMode.Multiply });
      }
    }
  }
  for (const rule of layout.rules) {
    const [r, g, b] = rule.color;
    page.drawLine({ start: { x: rule.x, y: rule.y1 }, end: { x: rule.x, y: rule.y2 }, thickness: rule.width, color: rgb(r, g, b) });
  }
  for (const t of layout.texts) {
    const [r, g, b] = t.color;
    if (t.artifact) drawArtifact(page, parsed[t.font], t);
    else page.drawText(t.text, { x: t.x, y: t.y, size: t.size, font: fonts[t.font], color: rgb(r, g, b) });
  }
  if (meta.flattenHighlights) return;
  for (const h of layout.highlights) {
    const annotation = annotations.get(h.annotationId);
    if (annotation) writeHighlightAnnotation(page, h, annotation, { author: meta.author, now: meta.now });
  }
}

const op = (name: string, ...args: number[]): PDFOperator => PDFOperator.of(name as PDFOperatorNames, args.map((n) => PDFNumber.of(n)));

/** `t` as filled glyph outlines inside /Artifact marked content: visible, never extracted. */
function drawArtifact(page: PDFPage, font: Font, t: PlacedText): void {
  const path = outlineOps(font, t.text, t.x, t.y, t.size);
  if (path.length === 0) return;
  page.pushOperators(
    PDFOperator.of('BMC' as PDFOperatorNames, [PDFName.of('Artifact')]),
    op('q'),
    op('rg', ...t.color),
    ...path.map((p) => op(p.op, ...p.args)),
    op('Q'),
    op('EMC'),
  );
}
