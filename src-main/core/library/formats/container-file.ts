/**
 * Article files that are containers rather than text: saved single-file pages (.mhtml/.mht),
 * Word documents (.docx), e-books (.epub) and PDFs with a text layer (.pdf). Each is turned into
 * the same metadata and blocks a text file yields; the HTML inside them takes the ordinary HTML
 * path. Whole documents (Word, books) keep every block: reader-mode extraction, made to find an
 * article among a web page's furniture, would cut real text out of them.
 */
import { parseHTML } from 'linkedom';
import type { Paragraph, ParagraphKind } from '../../../shared/types';
import { blocksOf, parseHtml, type HtmlOptions } from '../parse/html';
import { stripDangerous, type DomNode } from '../parse/html-sanitize';
import { convertDocx } from './docx';
import { readEpub } from './epub';
import { parseMhtml } from './mhtml';
import { readPdfText } from './pdf-text';

/** Formats read by this module. */
export type ContainerFormat = 'mhtml' | 'docx' | 'epub' | 'pdf';

/** What a container yields, before language detection and ids. */
export interface ContainerArticle {
  title: string;
  date: string | null;
  author: string | null;
  source: string | null;
  lang: string | null;
  tags: string[];
  captions: string[];
  paragraphs: Paragraph[];
  encoding: string;
}

/** Every block of an HTML document's body (no reader-mode extraction). */
export function bodyBlocks(html: string): { kind: ParagraphKind; text: string }[] {
  const source = html.replace(/^\s*<\?xml[^>]*>/, '');
  // A whole (X)HTML document keeps its <head> out of the body; a fragment gets a shell.
  const { document } = parseHTML(/<html[\s>]/i.test(source.slice(0, 2048)) ? source : `<!doctype html><html><body>${source}</body></html>`);
  stripDangerous(document as unknown as Parameters<typeof stripDangerous>[0]);
  const body = (document as unknown as { body: DomNode | null }).body;
  return body ? blocksOf(body) : [];
}

function numbered(blocks: { kind: ParagraphKind; text: string }[]): Paragraph[] {
  return blocks.map((b, index) => ({ index, kind: b.kind, text: b.text }));
}

function hostOf(url: string | null): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.replace(/^www\./, '') || null;
  } catch {
    return null;
  }
}

/**
 * mammoth writes footnotes as an ordered list after the body, each ending with a back-link
 * arrow; a reader wants "[1] text", matching the "[1]" marker left in the paragraph.
 */
export function footnotesAsParagraphs(html: string): string {
  return html
    .replace(/<a href="#footnote-ref-\d+">↑<\/a>/g, '')
    .replace(/<ol>((?:<li id="(?:foot|end)note-\d+">[\s\S]*?<\/li>)+)<\/ol>/g, (_m, items: string) =>
      items.replace(/<li id="(?:foot|end)note-(\d+)">([\s\S]*?)<\/li>/g, (_i, n: string, body: string) => `<p>[${n}] ${body.replace(/<\/?p>/g, ' ')}</p>`),
    );
}

/** Read a container file's bytes into an article (throws on refused or broken files). */
export async function readContainer(bytes: Uint8Array, format: ContainerFormat, html?: HtmlOptions): Promise<ContainerArticle> {
  switch (format) {
    case 'mhtml': {
      const page = parseMhtml(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1'));
      const h = parseHtml(page.html, html);
      const title = h.title === 'Untitled' && page.subject ? page.subject : h.title;
      return { ...h, title, source: h.source ?? hostOf(page.url), tags: [], encoding: page.charset };
    }
    case 'docx': {
      const doc = await convertDocx(bytes);
      const blocks = bodyBlocks(footnotesAsParagraphs(doc.html));
      const first = blocks[0];
      const title = doc.title ?? (first?.kind === 'heading' ? first.text : null) ?? first?.text.slice(0, 120) ?? 'Untitled';
      if (first?.kind === 'heading' && first.text === title) blocks.shift();
      return { title, date: doc.date, author: doc.author, source: null, lang: doc.lang, tags: doc.tags, captions: [], paragraphs: numbered(blocks), encoding: 'docx' };
    }
    case 'epub': {
      const book = readEpub(bytes);
      const blocks: { kind: ParagraphKind; text: string }[] = [];
      for (const chapter of book.chapters) {
        const own = bodyBlocks(chapter.html);
        // Each chapter opens with a heading, so the reader and the PDF outline can jump to it.
        if (own[0]?.kind !== 'heading' && chapter.tocLabel) blocks.push({ kind: 'heading', text: chapter.tocLabel });
        blocks.push(...own);
      }
      return { title: book.title ?? 'Untitled', date: book.date, author: book.author, source: null, lang: book.lang, tags: book.tags, captions: [], paragraphs: numbered(blocks), encoding: 'epub' };
    }
    case 'pdf': {
      const pdf = await readPdfText(bytes);
      const blocks = [...pdf.blocks];
      const first = blocks[0];
      const title = pdf.title ?? (first?.kind === 'heading' ? first.text : null) ?? first?.text.slice(0, 120) ?? 'Untitled';
      if (first?.kind === 'heading' && first.text === title) blocks.shift();
      return { title, date: pdf.date, author: pdf.author, source: null, lang: pdf.lang, tags: pdf.tags, captions: [], paragraphs: numbered(blocks), encoding: 'pdf' };
    }
  }
}
