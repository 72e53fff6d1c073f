/**
 * VNI-Windows, the legacy 8-bit Vietnamese encoding used with the "VNI-Times" fonts.
 * iconv-lite has no VNI codec, so we carry the table here.
 *
 * VNI writes most accented vowels as a base letter followed by a mark byte, where the bytes
 * are read as Windows-1252 glyphs: `à` = `a` + 0xF8 ("aø"), `ấ` = `a` + 0xE1 ("aá"),
 * `ơ` = 0xF4 ("ô"), `ư` = 0xF6 ("ö"), `đ` = 0xF1 ("ñ"). The `i` family and `ỵ` are single bytes.
 * Upper-case letters take the upper-case mark bytes (0xD9 for the acute after `A`).
 * Table as published by VNI and reproduced by xvnkb (vni.h) and UniKey's converters.
 */
import iconv from 'iconv-lite';

/** Mark bytes (as Windows-1252 characters, lower-case forms) for the five tones. */
const TONE = { acute: 'ù', grave: 'ø', hook: 'û', tilde: 'õ', dot: 'ï' } as const;
/** Circumflex, and circumflex combined with each tone. */
const CIRC = { plain: 'â', acute: 'á', grave: 'à', hook: 'å', tilde: 'ã', dot: 'ä' } as const;
/** Breve (only on `a`), and breve combined with each tone. */
const BREVE = { plain: 'ê', acute: 'é', grave: 'è', hook: 'ú', tilde: 'ü', dot: 'ë' } as const;

const TONES = ['acute', 'grave', 'hook', 'tilde', 'dot'] as const;
/** Unicode combining marks for the tones (NFD), to build the precomposed letters. */
const TONE_MARK: Record<(typeof TONES)[number], string> = {
  acute: '\u0301', grave: '\u0300', hook: '\u0309', tilde: '\u0303', dot: '\u0323',
};

/** Lower-case Unicode letter -> its VNI spelling (lower-case glyph string). */
function buildLowerTable(): Map<string, string> {
  const t = new Map<string, string>();
  const nfc = (s: string): string => s.normalize('NFC');
  for (const base of ['a', 'e', 'o', 'u', 'y']) {
    for (const tone of TONES) t.set(nfc(base + TONE_MARK[tone]), base + TONE[tone]);
  }
  // y with dot below is a single byte (0xEE), not "y" + 0xEF.
  t.set('ỵ', 'î');
  for (const base of ['a', 'e', 'o']) {
    const circ = nfc(base + '\u0302');
    t.set(circ, base + CIRC.plain);
    for (const tone of TONES) t.set(nfc(circ + TONE_MARK[tone]), base + CIRC[tone]);
  }
  t.set('ă', 'a' + BREVE.plain);
  for (const tone of TONES) t.set(nfc('ă' + TONE_MARK[tone]), 'a' + BREVE[tone]);
  t.set('ơ', 'ô');
  t.set('ư', 'ö');
  for (const tone of TONES) {
    t.set(nfc('ơ' + TONE_MARK[tone]), 'ô' + TONE[tone]);
    t.set(nfc('ư' + TONE_MARK[tone]), 'ö' + TONE[tone]);
  }
  t.set('đ', 'ñ');
  // The i family: single bytes.
  t.set('í', 'í');
  t.set('ì', 'ì');
  t.set('ỉ', 'æ');
  t.set('ĩ', 'ó');
  t.set('ị', 'ò');
  return t;
}

/** Unicode letter (both cases) -> VNI glyph string. */
const ENCODE = new Map<string, string>();
/** VNI glyph string (1 or 2 glyphs, either case) -> Unicode letter. */
const DECODE = new Map<string, string>();
for (const [uni, vni] of buildLowerTable()) {
  ENCODE.set(uni, vni);
  ENCODE.set(uni.toUpperCase(), vni.toUpperCase());
  DECODE.set(vni, uni);
  DECODE.set(vni.toUpperCase(), uni.toUpperCase());
  if (vni.length === 2) {
    // Lenient: some converters write an upper-case base with a lower-case mark and vice versa.
    const [b, m] = [vni[0] ?? '', vni[1] ?? ''];
    if (!DECODE.has(b.toUpperCase() + m)) DECODE.set(b.toUpperCase() + m, uni.toUpperCase());
    if (!DECODE.has(b + m.toUpperCase())) DECODE.set(b + m.toUpperCase(), uni);
  }
}

/** Decode VNI-Windows bytes to NFC Unicode. */
export function decodeVni(bytes: Uint8Array): string {
  const glyphs = iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows1252');
  let out = '';
  for (let i = 0; i < glyphs.length; i++) {
    const c = glyphs[i] ?? '';
    const pair = DECODE.get(c + (glyphs[i + 1] ?? ''));
    if (pair !== undefined && i + 1 < glyphs.length) {
      out += pair;
      i++;
      continue;
    }
    out += DECODE.get(c) ?? c;
  }
  return out.normalize('NFC');
}

/** Encode Unicode text as VNI-Windows bytes (characters with no VNI form become `?`). */
export function encodeVni(text: string): Buffer {
  let glyphs = '';
  for (const ch of text.normalize('NFC')) glyphs += ENCODE.get(ch) ?? ch;
  return iconv.encode(glyphs, 'windows1252');
}
