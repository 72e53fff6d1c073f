/**
 * Tagged PDF (PDF 32000-1 §14.7–14.8): every printed block is a structure element (H1, H2, P,
 * BlockQuote, Note) under one Document element, in reading order (a bilingual row's left
 * column before its right), with /Lang where a block's language differs from the document's.
 * The writer wraps each text run in marked content with an MCID; this module turns the
 * recorded (page, MCID) pairs into the structure tree and its parent tree.
 *
 * Annotations (PDF/UA-1 §7.18): each /Highlight, /Text and /Link annotation gets its own /Annot
 * or /Link element holding an object reference (/OBJR), placed inside the block it sits on,
 * right after the text run where it starts, so assistive technology meets it where a sighted
 * reader does. The annotation's /StructParent leads back to that element through the parent
 * tree. Popups are not tagged (PDF/UA-1 exempts them: they belong to their parent annotation).
 */
import type { PDFDocument, PDFObject, PDFPage, PDFRef } from 'pdf-lib';
import type { StructElement } from './geometry';
import { pdfLib } from './pdf-runtime';

const { PDFDict: PDFDictClass, PDFHexString, PDFName, PDFNumber } = pdfLib;

/** Where a text run starts on its page, to find the run an annotation begins on. */
export interface RunPosition {
  x: number;
  /** Baseline. */
  y: number;
  size: number;
}

/** A tagged annotation, recorded while drawing. */
export interface TaggedAnnotation {
  page: number;
  ref: PDFRef;
  role: 'Annot' | 'Link';
  /** Top-left corner of the annotation's first box (a line of text it covers). */
  at: { x: number; y: number };
  /** Alternate description for annotations without /Contents (PDF/UA-1 §7.18.1). */
  alt?: string;
}

/** Which structure element each MCID of each page belongs to, and the annotations, filled while drawing. */
export class MarkedContent {
  readonly pages: number[][] = [];
  readonly positions: RunPosition[][] = [];
  readonly annotations: TaggedAnnotation[] = [];

  /** Next MCID of `page` for structure element `struct`, for a run drawn at `at`. */
  next(page: number, struct: number, at?: RunPosition): number {
    const list = (this.pages[page] ??= []);
    list.push(struct);
    if (at) (this.positions[page] ??= [])[list.length - 1] = at;
    return list.length - 1;
  }

  annotate(annotation: TaggedAnnotation): void {
    this.annotations.push(annotation);
  }
}

/**
 * The MCID of the run an annotation starting at `at` begins on: among runs whose line (baseline
 * to ascent) holds `at.y`… or, for a sticky note in the margin, the nearest line; on that line,
 * the last run starting at or before `at.x`. Null when the page has no tagged text.
 */
export function runAt(positions: ReadonlyArray<RunPosition | undefined>, at: { x: number; y: number }): number | null {
  // Distance from `at.y` to the band [baseline - descent, baseline + ascent] of each run's line.
  const runs = positions.flatMap((p, mcid) => {
    if (!p) return [];
    const lo = p.y - p.size * 0.3;
    const hi = p.y + p.size;
    return [{ mcid, x: p.x, dy: at.y < lo ? lo - at.y : at.y > hi ? at.y - hi : 0 }];
  });
  if (runs.length === 0) return null;
  const nearest = Math.min(...runs.map((r) => r.dy));
  const line = runs.filter((r) => r.dy <= nearest + 0.01);
  const before = line.filter((r) => r.x <= at.x + 0.5);
  const pick = before.length > 0 ? before.reduce((a, b) => (b.x >= a.x ? b : a)) : line.reduce((a, b) => (b.x < a.x ? b : a));
  return pick.mcid;
}

/** Write the structure tree, the parent tree, /MarkInfo and /StructParents of each page. */
export function writeStructure(doc: PDFDocument, structure: readonly StructElement[], marked: MarkedContent, docLang: string): void {
  const context = doc.context;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const refs: PDFRef[] = structure.map(() => context.nextRef());
  const kids: PDFObject[][] = structure.map(() => []);
  const documentKids: PDFObject[] = [...refs];
  // Annotation elements to insert after a run, keyed "page/mcid"; those on untagged pages go under Document.
  const after = new Map<string, PDFRef[]>();
  const annotRefs = marked.annotations.map(() => context.nextRef());
  marked.annotations.forEach((a, i) => {
    const mcid = runAt(marked.positions[a.page] ?? [], a.at);
    const struct = mcid === null ? undefined : marked.pages[a.page]?.[mcid];
    const parentRef = struct === undefined ? documentRef : (refs[struct] as PDFRef);
    const page = pages[a.page] as PDFPage;
    const key = pages.length + i;
    const dict = context.obj({ Type: 'StructElem', S: a.role, P: parentRef, Pg: page.ref, K: context.obj([context.obj({ Type: 'OBJR', Obj: a.ref, Pg: page.ref })]) });
    if (a.alt) dict.set(PDFName.of('Alt'), PDFHexString.fromText(a.alt));
    context.assign(annotRefs[i] as PDFRef, dict);
    context.lookup(a.ref, PDFDictClass).set(PDFName.of('StructParent'), PDFNumber.of(key));
    if (struct === undefined || mcid === null) documentKids.push(annotRefs[i] as PDFRef);
    else {
      const list = after.get(`${a.page}/${mcid}`) ?? [];
      list.push(annotRefs[i] as PDFRef);
      after.set(`${a.page}/${mcid}`, list);
    }
  });
  marked.pages.forEach((structs, p) => {
    const page = pages[p];
    if (!page) return;
    structs.forEach((s, mcid) => {
      kids[s]?.push(context.obj({ Type: 'MCR', Pg: page.ref, MCID: mcid }));
      for (const ref of after.get(`${p}/${mcid}`) ?? []) kids[s]?.push(ref);
    });
  });
  structure.forEach((el, i) => {
    const dict = context.obj({ Type: 'StructElem', S: el.role, P: documentRef, K: context.obj(kids[i] ?? []) });
    if (el.lang && el.lang !== docLang) dict.set(PDFName.of('Lang'), PDFHexString.fromText(el.lang));
    context.assign(refs[i] as PDFRef, dict);
  });
  context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: context.obj(documentKids) }));
  const nums: PDFObject[] = [];
  pages.forEach((page, p) => {
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(p));
    // Tab order follows the structure (PDF/UA-1 §7.18.3).
    page.node.set(PDFName.of('Tabs'), PDFName.of('S'));
    nums.push(PDFNumber.of(p), context.obj((marked.pages[p] ?? []).map((s) => refs[s] as PDFRef)));
  });
  annotRefs.forEach((ref, i) => nums.push(PDFNumber.of(pages.length + i), ref));
  context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: context.obj(nums) }), ParentTreeNextKey: pages.length + annotRefs.length }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
}
