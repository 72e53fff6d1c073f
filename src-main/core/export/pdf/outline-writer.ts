/** Document outline (bookmarks, PDF 32000-1 §12.3.3): one flat entry per article. */
import { PDFHexString, PDFName, PDFNull, PDFNumber, type PDFDocument, type PDFRef } from 'pdf-lib';
import type { OutlineEntry } from './geometry';

/** Write `entries` as the document outline and open the outline pane. No-op when empty. */
export function writeOutline(doc: PDFDocument, entries: readonly OutlineEntry[]): void {
  if (entries.length === 0) return;
  const context = doc.context;
  const pages = doc.getPages();
  const rootRef = context.nextRef();
  const refs: PDFRef[] = entries.map(() => context.nextRef());
  entries.forEach((entry, i) => {
    const page = pages[entry.page] ?? pages[0];
    if (!page) return;
    const item = context.obj({ Parent: rootRef });
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    // [page /XYZ left top zoom]: null keeps the viewer's current left and zoom.
    item.set(PDFName.of('Dest'), context.obj([page.ref, PDFName.of('XYZ'), PDFNull, PDFNumber.of(entry.y), PDFNull]));
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    context.assign(refs[i] as PDFRef, item);
  });
  const root = context.obj({ Type: 'Outlines', Count: entries.length });
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
