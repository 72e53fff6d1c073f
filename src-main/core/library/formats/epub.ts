/**
 * E-books (.epub, EPUB 2 and 3): one article per book. `META-INF/container.xml` names the
 * package document (OPF); its metadata gives title, author, date, language and subjects, its
 * spine the reading order of the XHTML chapters. Each chapter becomes a section: a heading
 * (its own first heading, else its table-of-contents label) followed by its blocks. Every href is
 * resolved inside the archive; one that would leave it is ignored.
 */
import { ZipReader, ZipError, resolveEntryPath, type ZipBudget } from './zip';
import { xmlElementText } from './docx';

/** One chapter of a book, as HTML for the HTML path. */
export interface EpubChapter {
  /** Path of the chapter inside the archive. */
  href: string;
  /** Label from the table of contents, when it has one. */
  tocLabel: string | null;
  html: string;
}

/** A book's metadata and chapters in reading order. */
export interface EpubBook {
  title: string | null;
  author: string | null;
  date: string | null;
  lang: string | null;
  tags: string[];
  chapters: EpubChapter[];
}

/** Most spine items read from one book (a budget against crafted archives). */
export const MAX_EPUB_CHAPTERS = 2_000;

/** Attributes of one start tag's attribute text. */
export function attributes(text: string): Map<string, string> {
  const attrs = new Map<string, string>();
  for (const m of text.matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) attrs.set((m[1] ?? '').toLowerCase(), m[2] ?? m[3] ?? '');
  return attrs;
}

function allElements(xml: string, tag: string): Map<string, string>[] {
  const re = new RegExp(`<(?:[\\w-]+:)?${tag}\\b([^>]*)>`, 'g');
  return [...xml.matchAll(re)].map((m) => attributes(m[1] ?? ''));
}

function allTexts(xml: string, tag: string): string[] {
  const re = new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g');
  return [...xml.matchAll(re)].map((m) => xmlElementText(`<x>${m[1] ?? ''}</x>`, 'x')).filter((t): t is string => t !== null);
}

/** Table-of-contents labels by chapter path (EPUB 3 nav document, else EPUB 2 NCX). */
function tocLabels(zip: ZipReader, opfPath: string, manifest: Map<string, string>[]): Map<string, string> {
  const labels = new Map<string, string>();
  const nav = manifest.find((i) => (i.get('properties') ?? '').split(/\s+/).includes('nav'));
  const ncx = manifest.find((i) => i.get('media-type') === 'application/x-dtbncx+xml');
  const item = nav ?? ncx;
  const path = item ? resolveEntryPath(opfPath, item.get('href') ?? '') : null;
  const xml = path ? zip.readText(path) : null;
  if (!xml || !path) return labels;
  if (nav) {
    for (const m of xml.matchAll(/<a\b([^>]*)>([\s\S]*?)<\/a>/g)) {
      const target = resolveEntryPath(path, attributes(m[1] ?? '').get('href') ?? '');
      const label = xmlElementText(`<x>${m[2] ?? ''}</x>`, 'x');
      if (target && label && !labels.has(target)) labels.set(target, label);
    }
  } else {
    for (const m of xml.matchAll(/<navPoint\b[\s\S]*?<text>([\s\S]*?)<\/text>[\s\S]*?<content\b([^>]*)\/?>/g)) {
      const target = resolveEntryPath(path, attributes(m[2] ?? '').get('src') ?? '');
      const label = xmlElementText(`<x>${m[1] ?? ''}</x>`, 'x');
      if (target && label && !labels.has(target)) labels.set(target, label);
    }
  }
  return labels;
}

/** Read a book from its bytes. Throws `ZipError` for refused or broken archives. */
export function readEpub(bytes: Uint8Array, budget?: ZipBudget): EpubBook {
  const zip = new ZipReader(bytes, budget);
  const container = zip.readText('META-INF/container.xml');
  if (container === null) throw new ZipError('damaged', 'Not an EPUB book (META-INF/container.xml is missing)');
  const rootfile = allElements(container, 'rootfile')[0]?.get('full-path');
  const opfPath = rootfile ? resolveEntryPath('', rootfile) : null;
  const opf = opfPath ? zip.readText(opfPath) : null;
  if (!opfPath || opf === null) throw new ZipError('damaged', 'The EPUB package document is missing');
  const manifest = allElements(opf, 'item');
  const byId = new Map(manifest.map((i) => [i.get('id') ?? '', i]));
  const spine = allElements(opf, 'itemref').slice(0, MAX_EPUB_CHAPTERS);
  const labels = tocLabels(zip, opfPath, manifest);
  const chapters: EpubChapter[] = [];
  const seen = new Set<string>();
  for (const ref of spine) {
    if (ref.get('linear') === 'no') continue;
    const item = byId.get(ref.get('idref') ?? '');
    const href = item ? resolveEntryPath(opfPath, item.get('href') ?? '') : null;
    if (!href || seen.has(href) || !/x?html|xml/i.test(item?.get('media-type') ?? '')) continue;
    seen.add(href);
    const html = zip.readText(href);
    if (html !== null) chapters.push({ href, tocLabel: labels.get(href) ?? null, html });
  }
  const date = xmlElementText(opf, 'dc:date');
  return {
    title: xmlElementText(opf, 'dc:title'),
    author: allTexts(opf, 'dc:creator').join(', ') || null,
    date: date ? (/^\d{4}-\d{2}-\d{2}/.exec(date)?.[0] ?? null) : null,
    lang: xmlElementText(opf, 'dc:language'),
    tags: allTexts(opf, 'dc:subject'),
    chapters,
  };
}
