/**
 * Word documents (.docx, ECMA-376) into HTML for the ordinary HTML path, through mammoth, which
 * maps Word's semantic styles (Heading n, lists, footnotes) to HTML and ignores layout. The
 * archive is read by our budgeted ZIP reader and re-packed (stored, not compressed) with only
 * the parts mammoth reads, so mammoth's own unzipping never meets a zip bomb. Images are never
 * decoded. Document properties come from `docProps/core.xml` (Dublin Core).
 */
import mammoth from 'mammoth';
import { zipSync } from 'fflate';
import { ZipReader, ZipError, type ZipBudget } from './zip';
import { decodeLegacyFontRuns } from './ooxml-legacy-fonts';

/** A Word document converted for the HTML path. */
export interface DocxDocument {
  /** Body HTML (headings, paragraphs, lists, footnotes), no images. */
  html: string;
  title: string | null;
  author: string | null;
  /** `dcterms:created`, ISO 8601. */
  date: string | null;
  lang: string | null;
  tags: string[];
}

const XML_ENTITY = /&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);/gi;

function xmlText(s: string): string {
  return s
    .replace(XML_ENTITY, (m, e: string) => {
      if (e[0] === '#') return String.fromCodePoint(e[1]?.toLowerCase() === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
      return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim()
    .normalize('NFC');
}

/** The text of the first element named `tag` (prefixed name, e.g. `dc:title`) in `xml`. */
export function xmlElementText(xml: string, tag: string): string | null {
  const re = new RegExp(`<${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b[^>]*>([\\s\\S]*?)</${tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}>`);
  const m = re.exec(xml);
  const t = m?.[1] ? xmlText(m[1].replace(/<[^>]*>/g, '')) : '';
  return t || null;
}

/** Parts mammoth needs; media and embedded objects are left in the original archive. */
function wanted(name: string): boolean {
  return name === '[Content_Types].xml' || name.startsWith('_rels/') || (name.startsWith('word/') && !name.startsWith('word/media/') && !name.startsWith('word/embeddings/'));
}

/** Convert a .docx file's bytes. Throws `ZipError` for refused archives, `Error` otherwise. */
export async function convertDocx(bytes: Uint8Array, budget?: ZipBudget): Promise<DocxDocument> {
  const zip = new ZipReader(bytes, budget);
  const documentXml = zip.readText('word/document.xml');
  if (documentXml === null) throw new ZipError('damaged', 'Not a Word document (word/document.xml is missing)');
  const repacked: Record<string, Uint8Array> = {};
  for (const name of zip.names()) {
    if (!wanted(name) || name.endsWith('/')) continue;
    const data = name === 'word/document.xml' ? null : zip.read(name);
    if (data) repacked[name] = data;
  }
  const fixed = decodeLegacyFontRuns(documentXml, zip.readText('word/styles.xml'));
  repacked['word/document.xml'] = new TextEncoder().encode(fixed);
  const packed = zipSync(repacked, { level: 0 });
  const result = await mammoth.convertToHtml(
    { buffer: Buffer.from(packed.buffer, packed.byteOffset, packed.byteLength) },
    // Images are not part of the text: never read them, emit nothing.
    { convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })) },
  );
  const core = zip.readText('docProps/core.xml') ?? '';
  const created = xmlElementText(core, 'dcterms:created');
  const keywords = xmlElementText(core, 'cp:keywords');
  return {
    html: result.value.replace(/<img\b[^>]*>/gi, ''),
    title: xmlElementText(core, 'dc:title'),
    author: xmlElementText(core, 'dc:creator'),
    date: created && /^\d{4}-\d{2}-\d{2}/.test(created) ? created.replace(/Z$/, '').replace(/\.\d+$/, '') : null,
    lang: xmlElementText(core, 'dc:language'),
    tags: keywords ? keywords.split(/[;,]/).map((k) => k.trim()).filter(Boolean) : [],
  };
}
