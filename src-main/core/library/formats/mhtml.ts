/**
 * "Webpage, single file" (.mhtml/.mht, RFC 2557 over MIME, RFC 2045/2046): find the page's HTML
 * part and decode it with its declared transfer encoding and charset. Images, style sheets and
 * frames are other parts and are never decoded; the HTML then takes the ordinary HTML path
 * (sanitising, reader-mode extraction, metadata).
 */
import iconv from 'iconv-lite';
import { decode } from '../encoding/decode';

/** The page inside an MHTML archive. */
export interface MhtmlPage {
  /** The HTML part, decoded to text. */
  html: string;
  /** The address the page was saved from (`Snapshot-Content-Location`), when given. */
  url: string | null;
  /** The `Subject:` header (browsers write the page title there). */
  subject: string | null;
  /** The charset the part was decoded from. */
  charset: string;
}

/** Why an MHTML file could not be read. */
export class MhtmlError extends Error {}

interface Part {
  headers: Map<string, string>;
  body: string;
}

/** Split a header block (lines, with folded continuations) into lower-cased names. */
function parseHeaders(block: string): Map<string, string> {
  const headers = new Map<string, string>();
  let last = '';
  for (const line of block.split(/\r?\n/)) {
    if (/^[ \t]/.test(line) && last) {
      headers.set(last, `${headers.get(last) ?? ''} ${line.trim()}`);
      continue;
    }
    const colon = line.indexOf(':');
    if (colon <= 0) continue;
    last = line.slice(0, colon).trim().toLowerCase();
    if (!headers.has(last)) headers.set(last, line.slice(colon + 1).trim());
  }
  return headers;
}

/** One parameter (`boundary`, `charset`, `type`) of a structured header value. */
export function headerParam(value: string, name: string): string | null {
  const re = new RegExp(`(?:^|;)\\s*${name}\\s*=\\s*(?:"([^"]*)"|([^;\\s]+))`, 'i');
  const m = re.exec(value);
  return m ? (m[1] ?? m[2] ?? null) : null;
}

function splitHead(text: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(text);
  if (!m) return { head: text, body: '' };
  return { head: text.slice(0, m.index), body: text.slice(m.index + m[0].length) };
}

/** Decode quoted-printable (RFC 2045 §6.7) to bytes. */
export function decodeQuotedPrintable(s: string): Buffer {
  const out: number[] = [];
  const text = s.replace(/=\r?\n/g, '');
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3d && /^[0-9A-Fa-f]{2}$/.test(text.slice(i + 1, i + 3))) {
      out.push(parseInt(text.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (c < 0x100) out.push(c);
    else for (const b of Buffer.from(text[i] ?? '', 'utf8')) out.push(b);
  }
  return Buffer.from(out);
}

/** RFC 2047 encoded words in a header (`=?utf-8?Q?...?=`, `=?utf-8?B?...?=`). */
export function decodeEncodedWords(value: string): string {
  return value.replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=\s*/g, (_m, charset: string, enc: string, data: string) => {
    const bytes = enc.toUpperCase() === 'B' ? Buffer.from(data, 'base64') : decodeQuotedPrintable(data.replace(/_/g, ' '));
    return iconv.encodingExists(charset) ? iconv.decode(bytes, charset) : bytes.toString('utf8');
  });
}

function partBytes(part: Part): Buffer {
  const cte = (part.headers.get('content-transfer-encoding') ?? '7bit').toLowerCase();
  if (cte === 'base64') return Buffer.from(part.body.replace(/[^A-Za-z0-9+/=]/g, ''), 'base64');
  if (cte === 'quoted-printable') return decodeQuotedPrintable(part.body);
  return Buffer.from(part.body, 'latin1');
}

/** The charset a `<meta>` in the first bytes declares, if any. */
function metaCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString('latin1');
  return /<meta[^>]+charset\s*=\s*["']?([\w-]+)/i.exec(head)?.[1] ?? null;
}

/**
 * The page of an MHTML file. `raw` is the file read as Latin-1 (one char per byte), so that
 * 8-bit parts keep their bytes until their own charset is known.
 */
export function parseMhtml(raw: string): MhtmlPage {
  const { head, body } = splitHead(raw);
  const headers = parseHeaders(head);
  const contentType = headers.get('content-type') ?? '';
  const boundary = headerParam(contentType, 'boundary');
  const url = headers.get('snapshot-content-location') ?? headers.get('content-location') ?? null;
  const subjectRaw = headers.get('subject');
  const subject = subjectRaw ? decodeEncodedWords(subjectRaw).trim() || null : null;
  let parts: Part[];
  if (boundary) {
    parts = [];
    const delimiter = `--${boundary}`;
    for (const chunk of body.split(delimiter).slice(1)) {
      if (chunk.startsWith('--')) break;
      const { head: h, body: b } = splitHead(chunk.replace(/^\r?\n/, ''));
      parts.push({ headers: parseHeaders(h), body: b });
    }
  } else if (/text\/html/i.test(contentType)) {
    parts = [{ headers, body }];
  } else {
    throw new MhtmlError('Not an MHTML page (no multipart boundary)');
  }
  const isHtml = (p: Part): boolean => /^\s*text\/html/i.test(p.headers.get('content-type') ?? '');
  const start = headerParam(contentType, 'start');
  const main =
    (start ? parts.find((p) => p.headers.get('content-id') === start) : undefined) ??
    (url ? parts.find((p) => isHtml(p) && p.headers.get('content-location') === url) : undefined) ??
    parts.find(isHtml);
  if (!main) throw new MhtmlError('No HTML part in the MHTML file');
  const bytes = partBytes(main);
  const declared = headerParam(main.headers.get('content-type') ?? '', 'charset') ?? metaCharset(bytes);
  if (declared && iconv.encodingExists(declared) && !/^utf-?8$/i.test(declared)) {
    return { html: iconv.decode(bytes, declared).normalize('NFC'), url, subject, charset: declared.toLowerCase() };
  }
  const decoded = decode(bytes);
  return { html: decoded.text, url, subject, charset: decoded.encoding };
}
