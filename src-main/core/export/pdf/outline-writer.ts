/**
 * Document outline (bookmarks, PDF 32000-1 §12.3.3): one entry per article, with its headings
 * and its notes section as children (closed: a negative /Count).
 */
import type { PDFDocument, PDFPage, PDFRef } from 'pdf-lib';
import { pdfLib } from './pdf-runtime';

const { PDFHexString, PDFName, PDFNull, PDFNumber } = pdfLib;
import type { OutlineEntry } from './geometry';

function writeLevel(doc: PDFDocument, pages: readonly PDFPage[], entries: readonly OutlineEntry[], parent: PDFRef): PDFRef[] {
  const context = doc.context;
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const page = pages[entry.page] ?? pages[0];
    if (!page) return;
    const item = context.obj({ Parent: parent });
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    // [page /XYZ left top zoom]: null keeps the viewer's current left and zoom.
    item.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(entry.y), PDFNull]));
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    const children = entry.children ?? [];
    if (children.length > 0) {
      const kids = writeLevel(doc, pages, children, refs[i] as PDFRef);
      item.set(PDFName.of('First'), kids[0] as PDFRef);
      item.set(PDFName.of('Last'), kids[kids.length - 1] as PDFRef);
      item.set(PDFName.of('Count'), PDFNumber.of(-children.length));
    }
    context.assign(refs[i] as PDFRef, item);
  });
  return refs;
}

/** Write `entries` as the document outline and open the outline pane. No-op when empty. */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const refs = writeLevel(doc, doc.getPages(), entries, rootRef);
  const root = context.obj({ Type: 'Outlines', Count: entries.length });
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
