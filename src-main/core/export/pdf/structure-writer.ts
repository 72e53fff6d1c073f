/**
 * Tagged PDF (PDF 32000-1 §14.7–14.8): every printed block is a structure element (H1, H2, P,
 * BlockQuote, Note) under one Document element, in reading order (a bilingual row's left
 * column before its right), with /Lang where a block's language differs from the document's.
 * The writer wraps each text run in marked content with an MCID; this module turns the
 * recorded (page, MCID) pairs into the structure tree and its parent tree.
 */
import type { PDFDict, PDFDocument, PDFObject, PDFRef } from 'pdf-lib';
import type { StructElement } from './geometry';
import { pdfLib } from './pdf-runtime';

const { PDFHexString, PDFName, PDFNumber } = pdfLib;

/** Which structure element each MCID of each page belongs to, filled while drawing. */
export class MarkedContent {
  readonly pages: number[][] = [];

  /** Next MCID of `page` for structure element `struct`. */
  next(page: number, struct: number): number {
    const list = (this.pages[page] ??= []);
    list.push(struct);
    return list.length - 1;
  }
}

/** Write the structure tree, the parent tree, /MarkInfo and /StructParents of each page. */
export function writeStructure(doc: PDFDocument, structure: readonly StructElement[], marked: MarkedContent, docLang: string): void {
  const context = doc.context;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const documentRef = context.nextRef();
  const refs: PDFRef[] = structure.map(() => context.nextRef());
  const kids: PDFDict[][] = structure.map(() => []);
  marked.pages.forEach((structs, p) => {
    const page = pages[p];
    if (!page) return;
    structs.forEach((s, mcid) => kids[s]?.push(context.obj({ Type: 'MCR', Pg: page.ref, MCID: mcid })));
  });
  structure.forEach((el, i) => {
    const dict = context.obj({ Type: 'StructElem', S: el.role, P: documentRef, K: context.obj(kids[i] ?? []) });
    if (el.lang && el.lang !== docLang) dict.set(PDFName.of('Lang'), PDFHexString.fromText(el.lang));
    context.assign(refs[i] as PDFRef, dict);
  });
  context.assign(documentRef, context.obj({ Type: 'StructElem', S: 'Document', P: rootRef, K: context.obj(refs) }));
  const nums: PDFObject[] = [];
  pages.forEach((page, p) => {
    page.node.set(PDFName.of('StructParents'), PDFNumber.of(p));
    nums.push(PDFNumber.of(p), context.obj((marked.pages[p] ?? []).map((s) => refs[s] as PDFRef)));
  });
  context.assign(rootRef, context.obj({ Type: 'StructTreeRoot', K: documentRef, ParentTree: context.obj({ Nums: context.obj(nums) }), ParentTreeNextKey: pages.length }));
  doc.catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  doc.catalog.set(PDFName.of('MarkInfo'), context.obj({ Marked: true }));
}
