/**
 * Turn a file's bytes into NFC text, detecting the encoding: BOM, then strict UTF-8, then the
 * best-scoring legacy Vietnamese 8-bit decoding (Windows-1258, TCVN3, VNI), else Windows-1252.
 */
import iconv from 'iconv-lite';
import { decodeVni, encodeVni } from './vni';
import { vietnameseScore } from './vietnamese-score';

/** Encoding names recorded in `ArticleVersion.encoding`. */
export type TextEncodingName =
  | 'utf-8'
  | 'utf-16le'
  | 'utf-16be'
  | 'windows-1258'
  | 'tcvn3'
  | 'vni'
  | 'windows-1252';

/** Thrown when bytes claim an encoding but cannot be decoded in it. */
export class DecodeError extends Error {
  readonly code = 'decode-error';
}

const LEGACY: readonly TextEncodingName[] = ['windows-1258', 'tcvn3', 'vni'];
/** Bytes sampled when scoring legacy decodings (scoring is linear, files can be large). */
const SCORE_SAMPLE = 64 * 1024;

function hasUtf16Bom(b: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (b[0] === 0xff && b[1] === 0xfe) return 'utf-16le';
  if (b[0] === 0xfe && b[1] === 0xff) return 'utf-16be';
  return null;
}

function hasUtf8Bom(b: Uint8Array): boolean {
  return b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
}

function isAscii(b: Uint8Array): boolean {
  for (let i = 0; i < b.length; i++) if ((b[i] ?? 0) > 0x7f) return false;
  return true;
}

/** Count invalid UTF-8 sequences and valid multi-byte ones (RFC 3629 shapes, roughly). */
function utf8Validity(b: Uint8Array): { invalid: number; multibyte: number } {
  let invalid = 0;
  let multibyte = 0;
  for (let i = 0; i < b.length; ) {
    const c = b[i] ?? 0;
    const need = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (need === 0) { i++; continue; }
    if (need < 0) { invalid++; i++; continue; }
    let ok = i + need < b.length;
    for (let k = 1; ok && k <= need; k++) ok = ((b[i + k] ?? 0) & 0xc0) === 0x80;
    if (ok) { multibyte++; i += need + 1; } else { invalid++; i++; }
  }
  return { invalid, multibyte };
}

function decodeLegacy(bytes: Uint8Array, enc: TextEncodingName): string {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  switch (enc) {
    case 'vni':
      return decodeVni(bytes);
    case 'tcvn3':
      return iconv.decode(buf, 'tcvn').normalize('NFC');
    case 'windows-1258':
      // CP1258 carries tones as combining marks after the base letter: NFC recomposes them.
      return iconv.decode(buf, 'windows1258').normalize('NFC');
    default:
      return iconv.decode(buf, 'windows1252').normalize('NFC');
  }
}

/** Detect the encoding of `bytes` (see module comment for the order of evidence). */
export function detectEncoding(bytes: Uint8Array): TextEncodingName {
  const bom16 = hasUtf16Bom(bytes);
  if (bom16) return bom16;
  if (hasUtf8Bom(bytes) || isAscii(bytes)) return 'utf-8';
  const v = utf8Validity(bytes);
  // Valid UTF-8, or UTF-8 with a few damaged sequences: legacy 8-bit text is almost never
  // valid UTF-8 (its high bytes rarely form continuation patterns).
  if (v.invalid === 0 || v.multibyte >= 8 * v.invalid) return 'utf-8';
  const sample = bytes.subarray(0, SCORE_SAMPLE);
  let best: TextEncodingName = 'windows-1252';
  let bestScore = 0;
  for (const enc of LEGACY) {
    const score = vietnameseScore(decodeLegacy(sample, enc));
    if (score > bestScore) { best = enc; bestScore = score; }
  }
  return best;
}

/** Decode `bytes` in `encoding` (detected when omitted) to NFC text without a BOM. */
export function decode(bytes: Uint8Array, encoding?: TextEncodingName): { text: string; encoding: TextEncodingName } {
  const enc = encoding ?? detectEncoding(bytes);
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let text: string;
  if (enc === 'utf-16le' || enc === 'utf-16be') {
    const body = hasUtf16Bom(bytes) ? buf.subarray(2) : buf;
    if (body.length % 2 !== 0) throw new DecodeError('UTF-16 text with an odd number of bytes');
    text = iconv.decode(body, enc === 'utf-16le' ? 'utf16le' : 'utf16be');
  } else if (enc === 'utf-8') {
    const v = utf8Validity(bytes);
    if (v.invalid > 0 && v.invalid * 100 > Math.max(1, v.multibyte)) {
      throw new DecodeError(`Invalid UTF-8: ${v.invalid} malformed byte sequences`);
    }
    text = new TextDecoder('utf-8', { fatal: false, ignoreBOM: false }).decode(bytes);
  } else {
    text = decodeLegacy(bytes, enc);
  }
  return { text: text.normalize('NFC'), encoding: enc };
}

/** Encode text in one of the supported encodings (for fixtures, tests and exports). */
export function encode(text: string, encoding: TextEncodingName): Buffer {
  switch (encoding) {
    case 'utf-8':
      return Buffer.from(text, 'utf8');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf16be')]);
    case 'vni':
      return encodeVni(text);
    case 'tcvn3':
      return iconv.encode(text.normalize('NFC'), 'tcvn');
    case 'windows-1258':
      return iconv.encode(toCp1258Form(text), 'windows1258');
    default:
      return iconv.encode(text, 'windows1252');
  }
}

/**
 * CP1258 has precomposed â ê ô ơ ư ă đ but writes tones as combining marks: decompose fully,
 * then recompose only the vowel-shape marks (circumflex, breve, horn).
 */
function toCp1258Form(text: string): string {
  const nfd = text.normalize('NFD');
  return nfd.replace(/([A-Za-z])([\u0300-\u036f]+)/g, (_m, base: string, marks: string) => {
    const shape = marks.replace(/[^\u0302\u0306\u031b]/g, '');
    const tone = marks.replace(/[\u0302\u0306\u031b]/g, '');
    return (base + shape).normalize('NFC') + tone;
  });
}
