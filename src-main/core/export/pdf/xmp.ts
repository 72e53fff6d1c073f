/**
 * XMP metadata (ISO 16684-1; PDF 32000-1 §14.3.2) carrying the same title, author, subject,
 * keywords, dates and producer as the Info dictionary, as PDF/A requires them to match; and
 * the file identifier (/ID, §14.4), derived from the content so a pinned clock still gives
 * byte-identical files.
 */
import { createHash } from 'node:crypto';

/** What both the Info dictionary and the XMP packet say. */
export interface XmpFields {
  title: string;
  author?: string;
  subject: string;
  keywords: string;
  language: string;
  producer: string;
  creator: string;
  date: Date;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** ISO 8601 in UTC, seconds precision (what PDF dates hold). */
const iso = (d: Date): string => `${d.toISOString().slice(0, 19)}Z`;

/** The XMP packet, UTF-8. */
export function xmpPacket(f: XmpFields): string {
  const alt = (v: string, lang = 'x-default'): string => `<rdf:Alt><rdf:li xml:lang="${lang}">${esc(v)}</rdf:li></rdf:Alt>`;
  return [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title>${alt(f.title)}</dc:title>`,
    f.author ? `<dc:creator><rdf:Seq><rdf:li>${esc(f.author)}</rdf:li></rdf:Seq></dc:creator>` : '',
    `<dc:description>${alt(f.subject)}</dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${esc(f.language)}</rdf:li></rdf:Bag></dc:language>`,
    f.keywords ? `<pdf:Keywords>${esc(f.keywords)}</pdf:Keywords>` : '',
    `<pdf:Producer>${esc(f.producer)}</pdf:Producer>`,
    `<xmp:CreatorTool>${esc(f.creator)}</xmp:CreatorTool>`,
    `<xmp:CreateDate>${iso(f.date)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${iso(f.date)}</xmp:ModifyDate>`,
    `<xmp:MetadataDate>${iso(f.date)}</xmp:MetadataDate>`,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ]
    .filter(Boolean)
    .join('\n');
}

/** A 16-byte file identifier (hex) from the document's metadata and page content digest. */
export function fileId(f: XmpFields, contentDigest: string): string {
  return createHash('md5').update(JSON.stringify({ ...f, date: iso(f.date) })).update(contentDigest).digest('hex').toUpperCase();
}
