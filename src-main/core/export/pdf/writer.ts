/**
 * Turns a DocumentLayout into PDF bytes with pdf-lib: subset-embedded DejaVu Serif, rules,
 * text, then the highlight annotations, metadata and outline. Highlights are annotations only,
 * unless `flattenHighlights` asks for them painted into the page instead.
 */
import type { Font } from '@pdf-lib/fontkit';
import type { PDFName as PDFNameType, PDFDocument as Doc, PDFFont, PDFOperator as Operator, PDFOperatorNames, PDFPage, PDFRef } from 'pdf-lib';
import { fontkit, pdfLib } from './pdf-runtime';
import type { AnchoredAnnotation } from '../../../shared/types';
import { writeHighlightAnnotation, writeTextAnnotation } from './annotation-writer';
import { glyphPathOps, outlineOps, type PathOp } from './glyph-outlines';
import type { ShapedGlyph } from './shaper';
import type { Box, DocumentLayout, PageLayout, PlacedLink, PlacedText } from './geometry';
import type { FallbackSource } from './font-fallback';
import { FONT_FEATURES, REPLACEMENT_FACE, type FontBytes } from './measure';
import { buildReplacementFonts, type ReplacementFonts } from './replacement-font';
import { ShapedFonts } from './shaped-text';
import { writeOutline } from './outline-writer';
import { MarkedContent, writeStructure } from './structure-writer';
import { fileId, xmpPacket, type XmpFields } from './xmp';
import { createHash } from 'node:crypto';
import { HIGHLIGHT_OPACITY } from './highlight-blend';
import { HIGHLIGHT_RGB, type FontKey } from './styles';

const {
  BlendMode,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  PDFOperator,
  PDFString,
  beginText,
  endText,
  moveText,
  popGraphicsState,
  pushGraphicsState,
  rgb,
  setFillingRgbColor,
  setFontAndSize,
  showText,
} = pdfLib;

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
  /** Descriptions of note links (/Contents, read by screen readers). */
  linkLabels: { noteLink: (n: string) => string; backLink: (n: string) => string };
}

/** The faces text is drawn with: the primary three, fallbacks by id, the replacement boxes. */
interface Faces {
  primary: Record<FontKey, PDFFont>;
  outlines: Record<FontKey, Font>;
  fallback: Map<string, PDFFont>;
  replacement: ReplacementFonts;
  /** Form XObjects of outlined strings already written (null: nothing to draw). */
  artifactForms: Map<string, PDFRef | null>;
  /** Faces of HarfBuzz-shaped runs, drawn by glyph id. */
  shaped: ShapedFonts;
  /** The parsed fallback face `id` (artifacts in other scripts are drawn from its outlines). */
  fallbackFont: (id: string) => Font | null;
}

/** Render `layout` to PDF bytes. `annotations` resolves each placed highlight's id. */
export async function writePdf(
  layout: DocumentLayout,
  fonts: FontBytes,
  parsed: Record<FontKey, Font>,
  fallbacks: FallbackSource,
  annotations: ReadonlyMap<string, AnchoredAnnotation>,
  meta: PdfMetadata,
): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  // Hand pdf-lib the fonts the measurer already parsed (same bytes, same fontkit), instead of
  // parsing each face a second time.
  const parsedByBytes = new Map<Uint8Array, Font>([
    [fonts.regular, parsed.regular],
    [fonts.bold, parsed.bold],
    [fonts.italic, parsed.italic],
  ]);
  doc.registerFontkit({ create: (bytes: Uint8Array, name?: string) => parsedByBytes.get(bytes) ?? fontkit.create(bytes, name) } as typeof fontkit);
  // Ligatures off: one glyph per code point, matching fontkitMeasurer and extracting cleanly.
  const embed = (bytes: Uint8Array): Promise<PDFFont> => doc.embedFont(bytes, { subset: true, features: { ...FONT_FEATURES } });
  const texts = layout.pages.flatMap((p) => p.texts);
  const fallback = new Map<string, PDFFont>();
  // Faces drawn only by glyph id (shaped runs) are embedded by ShapedFonts, not by pdf-lib.
  for (const id of new Set(texts.flatMap((t) => (t.face && t.face !== REPLACEMENT_FACE && !t.glyphs && !t.artifact ? [t.face] : [])))) {
    const face = fallbacks.face(id);
    if (!face) continue;
    parsedByBytes.set(face.bytes, face.font);
    fallback.set(id, await embed(face.bytes));
  }
  const faces: Faces = {
    primary: { regular: await embed(fonts.regular), bold: await embed(fonts.bold), italic: await embed(fonts.italic) },
    outlines: parsed,
    fallback,
    replacement: buildReplacementFonts(doc.context, texts.filter((t) => t.face === REPLACEMENT_FACE).map((t) => t.text)),
    artifactForms: new Map(),
    shaped: new ShapedFonts(doc.context, (id) => fallbacks.face(id)),
    fallbackFont: (id) => fallbacks.face(id)?.font ?? null,
  };
  const firstParts = new Map<string, PDFRef>();
  const marked = new MarkedContent();
  layout.pages.forEach((pageLayout, i) => drawPage(doc, pageLayout, faces, annotations, meta, firstParts, { marked, index: i, structure: layout.structure }));
  await faces.shaped.finish();
  writeDestinations(doc, layout);
  writeStructure(doc, layout.structure, marked, meta.language);

  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.author) doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  // One string, "; "-separated (pdf-lib would join with spaces, merging multi-word keywords).
  if (meta.keywords.length > 0) doc.setKeywords([meta.keywords.join('; ')]);
  doc.setLanguage(meta.language);
  doc.setCreator('Folio');
  doc.setProducer('Folio');
  doc.setCreationDate(meta.now);
  doc.setModificationDate(meta.now);
  writeOutline(doc, layout.outline);
  const fields: XmpFields = { title: meta.title, author: meta.author, subject: meta.subject, keywords: meta.keywords.join('; '), language: meta.language, producer: 'Folio', creator: 'Folio', date: meta.now };
  const xmp = doc.context.stream(new TextEncoder().encode(xmpPacket(fields)), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), doc.context.register(xmp));
  const digest = createHash('md5').update(JSON.stringify(layout.pages.map((p) => p.texts.map((t) => t.text)))).digest('hex');
  const id = PDFHexString.of(fileId(fields, digest));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  return doc.save({ useObjectStreams: true });
}

function drawPage(
  doc: Doc,
  layout: PageLayout,
  faces: Faces,
  annotations: ReadonlyMap<string, AnchoredAnnotation>,
  meta: PdfMetadata,
  firstParts: Map<string, PDFRef>,
  tags: { marked: MarkedContent; index: number; structure: DocumentLayout['structure'] },
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
    if (t.artifact) {
      if (t.face !== REPLACEMENT_FACE) drawArtifact(page, (t.face && faces.fallbackFont(t.face)) || faces.outlines[t.font], t, faces.artifactForms);
      else {
        // Characters no installed font has, in a running header: the measured boxes, as in the body.
        page.pushOperators(PDFOperator.of('BMC' as PDFOperatorNames, [PDFName.of('Artifact')]));
        drawReplacement(page, faces.replacement, t);
        page.pushOperators(op('EMC'));
      }
      continue;
    }
    const role = t.struct !== undefined ? tags.structure[t.struct]?.role : undefined;
    if (t.struct !== undefined && role) {
      const mcid = tags.marked.next(tags.index, t.struct, { x: t.x, y: t.y, size: t.size });
      page.pushOperators(PDFOperator.of('BDC' as PDFOperatorNames, [PDFName.of(role), page.doc.context.obj({ MCID: mcid }) as unknown as PDFNameType]));
    } else page.pushOperators(PDFOperator.of('BMC' as PDFOperatorNames, [PDFName.of('Artifact')]));
    if (t.actualText) page.pushOperators(PDFOperator.of('BDC' as PDFOperatorNames, [PDFName.of('Span'), page.doc.context.obj({ ActualText: PDFHexString.fromText(t.actualText) }) as unknown as PDFNameType]));
    if (t.face === REPLACEMENT_FACE) drawReplacement(page, faces.replacement, t);
    else if (t.glyphs) faces.shaped.draw(page, t);
    else page.drawText(t.text, { x: t.x, y: t.y, size: t.size, font: (t.face && faces.fallback.get(t.face)) || faces.primary[t.font], color: rgb(r, g, b) });
    if (t.actualText) page.pushOperators(op('EMC'));
    page.pushOperators(op('EMC'));
  }
  const opts = { author: meta.author, now: meta.now };
  const tag = (ref: PDFRef, role: 'Annot' | 'Link', at: { x: number; y: number }, alt?: string): void =>
    tags.marked.annotate({ page: tags.index, ref, role, at, ...(alt && { alt }) });
  // Annotations in reading order of their page (top to bottom, then left to right), so the
  // /Annots array (and with /Tabs /S, the tab order within a block) follows the text.
  const items = [
    ...layout.links.map((link) => ({ y: link.box.y2, x: link.box.x1, write: () => tag(writeLink(page, link, meta.linkLabels), 'Link', { x: link.box.x1, y: (link.box.y1 + link.box.y2) / 2 }) })),
    ...layout.notes.map((note) => ({
      y: note.y,
      x: note.x,
      write: () => {
        const annotation = annotations.get(note.annotationId);
        if (annotation) tag(writeTextAnnotation(page, note, annotation, opts), 'Annot', { x: note.x, y: note.y - 9 });
      },
    })),
    ...(meta.flattenHighlights ? [] : layout.highlights).map((h) => {
      const first = h.boxes[0] as Box;
      return {
        y: first.y2,
        x: first.x1,
        write: () => {
          const annotation = annotations.get(h.annotationId);
          if (!annotation) return;
          const part = firstParts.get(h.annotationId);
          const ref = writeHighlightAnnotation(page, h, annotation, { ...opts, ...(part && { continues: part }) });
          if (!part) firstParts.set(h.annotationId, ref);
          // Without a note the annotation has no /Contents: its element describes it by the quote.
          const alt = part || !annotation.note.trim() ? annotation.target?.quote.exact : undefined;
          tag(ref, 'Annot', { x: first.x1, y: (first.y1 + first.y2) / 2 }, alt);
        },
      };
    }),
  ];
  items.sort((a, b) => b.y - a.y || a.x - b.x);
  for (const item of items) item.write();
}

/**
 * A /Link annotation: a web link (/URI action) or a jump to a named destination. No border.
 * /Contents describes it (PDF/UA-1 §7.18.5): the address, or which note it jumps to or from.
 */
function writeLink(page: PDFPage, link: PlacedLink, labels: PdfMetadata['linkLabels']): PDFRef {
  const context = page.doc.context;
  const { x1, y1, x2, y2 } = link.box;
  const dict = context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [x1, y1, x2, y2], Border: [0, 0, 0], F: 4, P: page.ref });
  if (link.uri) dict.set(PDFName.of('A'), context.obj({ Type: 'Action', S: 'URI', URI: PDFString.of(link.uri) }));
  else if (link.dest) dict.set(PDFName.of('Dest'), PDFName.of(link.dest));
  const label = link.label ?? '';
  const contents = link.uri ?? (link.dest?.startsWith('ref:') ? labels.backLink(label) : labels.noteLink(label));
  dict.set(PDFName.of('Contents'), PDFHexString.fromText(contents));
  const ref = context.register(dict);
  page.node.addAnnot(ref);
  return ref;
}

/** The named destinations of the layout, in the catalog's /Dests dictionary (PDF 32000-1 §12.3.2.3). */
function writeDestinations(doc: Doc, layout: DocumentLayout): void {
  const pages = doc.getPages();
  const dests = doc.context.obj({});
  layout.pages.forEach((p, i) => {
    const page = pages[i];
    if (!page) return;
    for (const a of p.anchors) dests.set(PDFName.of(a.name), doc.context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(a.y), PDFNull]));
  });
  if (dests.keys().length > 0) doc.catalog.set(PDFName.of('Dests'), doc.context.register(dests));
}

const op = (name: string, ...args: number[]): Operator => PDFOperator.of(name as PDFOperatorNames, args.map((n) => PDFNumber.of(n)));

/** `t` as filled glyph outlines inside /Artifact marked content: visible, never extracted. */
function drawArtifact(page: PDFPage, font: Font, t: PlacedText, forms: Map<string, PDFRef | null>): void {
  // Each distinct string (a running header, "Page 3 of 9", a note number) is one form XObject,
  // drawn wherever it recurs: outlines are many path operators, and headers repeat on every page.
  const key = `${t.font}|${t.size}|${t.color.join(',')}|${t.text}${t.face ? `|${t.face}` : ''}`;
  let form = forms.get(key);
  if (form === undefined) {
    const path = t.glyphs ? shapedOutlineOps(font, t.glyphs, t.size) : outlineOps(font, t.text, 0, 0, t.size);
    const num = (n: number): string => String(Math.round(n * 1000) / 1000);
    const content = [`${t.color.map(num).join(' ')} rg`, ...path.map((p) => [...p.args.map(num), p.op].join(' '))].join('\n');
    const xs = path.flatMap((p) => p.args.filter((_, i) => i % 2 === 0));
    const ys = path.flatMap((p) => p.args.filter((_, i) => i % 2 === 1));
    form = path.length === 0
      ? null
      : page.doc.context.register(
          page.doc.context.flateStream(content, { Type: 'XObject', Subtype: 'Form', BBox: [Math.min(...xs) - 1, Math.min(...ys) - 1, Math.max(...xs) + 1, Math.max(...ys) + 1] }),
        );
    forms.set(key, form);
  }
  if (!form) return;
  const name = page.node.newXObject('Art', form);
  page.pushOperators(PDFOperator.of('BMC' as PDFOperatorNames, [PDFName.of('Artifact')]), op('q'), op('cm', 1, 0, 0, 1, t.x, t.y), PDFOperator.of('Do' as PDFOperatorNames, [name]), op('Q'), op('EMC'));
}

/** Replacement boxes: raw text operators with the Type 3 replacement font(s). */
function drawReplacement(page: PDFPage, fonts: ReplacementFonts, t: PlacedText): void {
  const ops: Operator[] = [pushGraphicsState(), beginText(), setFillingRgbColor(...t.color), moveText(t.x, t.y)];
  for (const part of fonts.encode(t.text)) {
    const key = page.node.newFontDictionary('FolioBox', part.font);
    ops.push(setFontAndSize(key, t.size), showText(part.codes));
  }
  ops.push(endText(), popGraphicsState());
  page.pushOperators(...ops);
}

/** Outlines of HarfBuzz-shaped glyphs from the origin (a shaped artifact: a running header in Hindi). */
function shapedOutlineOps(font: Font, glyphs: readonly ShapedGlyph[], size: number): PathOp[] {
  const scale = size / font.unitsPerEm;
  const out: PathOp[] = [];
  let pen = 0;
  for (const g of glyphs) {
    out.push(...glyphPathOps(font.getGlyph(g.gid), (pen + g.dx) * size, g.dy * size, scale));
    pen += g.ax;
  }
  if (out.length > 0) out.push({ op: 'f', args: [] });
  return out;
}
