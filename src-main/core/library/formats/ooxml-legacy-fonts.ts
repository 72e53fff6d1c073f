/**
 * Vietnamese typed in pre-Unicode fonts inside Word documents. Offices long wrote with TCVN3
 * fonts (".VnTime", ".VnArial"…) or VNI fonts ("VNI-Times"…): the file stores each byte of the
 * legacy encoding as the Windows-1252 character with that code, and only the font makes it look
 * Vietnamese. Runs in such fonts are re-decoded here, in `word/document.xml`, before conversion,
 * so the rest of the document (Unicode runs) is left untouched.
 */
import iconv from 'iconv-lite';
import { decode, type TextEncodingName } from '../encoding/decode';
import { vietnameseScore } from '../encoding/vietnamese-score';

/** The legacy encoding a font family name implies, or null for a Unicode font. */
export function legacyEncodingOfFont(family: string | null | undefined): TextEncodingName | null {
  if (!family) return null;
  const f = family.trim().toLowerCase();
  if (f.startsWith('.vn')) return 'tcvn3';
  if (f.startsWith('vni-') || f.startsWith('vni ')) return 'vni';
  return null;
}

/** The font a `<w:rFonts>` element names for Latin text (ascii, then hAnsi). */
function fontOf(xml: string): string | null {
  const m = /<w:rFonts\b[^>]*?\bw:(?:ascii|hAnsi)="([^"]*)"/.exec(xml);
  return m?.[1] ?? null;
}

/** Document-wide default font: `docDefaults`, else the default paragraph style. */
export function defaultFont(stylesXml: string | null): string | null {
  if (!stylesXml) return null;
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(stylesXml)?.[0];
  const normal = /<w:style\b[^>]*w:default="1"[^>]*>[\s\S]*?<\/w:style>/.exec(stylesXml)?.[0];
  return (normal ? fontOf(normal) : null) ?? (defaults ? fontOf(defaults) : null);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_m, e: string) => {
    if (e[0] === '#') return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
    return ENTITIES[e.toLowerCase()] ?? _m;
  });
}

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Text written in a legacy font, decoded; unchanged when it is not Windows-1252 text. */
export function decodeLegacyRun(text: string, encoding: TextEncodingName): string {
  // Only characters Windows-1252 can hold came from an 8-bit font.
  const bytes = iconv.encode(text, 'windows1252');
  if (iconv.decode(bytes, 'windows1252') !== text) return text;
  const decoded = decode(bytes, encoding).text;
  return vietnameseScore(decoded) >= vietnameseScore(text) ? decoded : text;
}

/**
 * `document.xml` with the text of every run set in a legacy font decoded. Returns the input
 * unchanged (same string) when no legacy font is used anywhere.
 */
export function decodeLegacyFontRuns(documentXml: string, stylesXml: string | null): string {
  const fallback = legacyEncodingOfFont(defaultFont(stylesXml));
  if (!fallback && !/w:(?:ascii|hAnsi)="(?:\.vn|vni[- ])/i.test(documentXml)) return documentXml;
  return documentXml.replace(/<w:r\b[^>]*>[\s\S]*?<\/w:r>/g, (run) => {
    const props = /<w:rPr>[\s\S]*?<\/w:rPr>/.exec(run)?.[0] ?? '';
    const font = fontOf(props);
    const encoding = font !== null ? legacyEncodingOfFont(font) : fallback;
    if (!encoding) return run;
    return run.replace(/(<w:t\b[^>]*>)([^<]*)(<\/w:t>)/g, (_m, open: string, text: string, close: string) =>
      open + escapeXml(decodeLegacyRun(unescapeXml(text), encoding)) + close,
    );
  });
}
