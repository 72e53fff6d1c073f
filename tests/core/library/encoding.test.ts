import { describe, expect, it } from 'vitest';
import { decode, detectEncoding, encode, decodeVni, encodeVni, type TextEncodingName } from '../../../src-main/core/library/index';

const VI = 'Thư viện cộng đồng ở làng Phú Mỹ mở cửa mỗi tối. Người dân đọc sách, trẻ em học bài. ĐÀ NẴNG ướt mưa, khuya quá rồi.';

describe('decode / detectEncoding', () => {
  const cases: TextEncodingName[] = ['utf-8', 'utf-16le', 'utf-16be', 'windows-1258', 'tcvn3', 'vni'];
  for (const enc of cases) {
    it(`round-trips Vietnamese through ${enc} and detects it`, () => {
      const bytes = encode(VI, enc);
      expect(detectEncoding(bytes)).toBe(enc);
      expect(decode(bytes)).toEqual({ text: VI, encoding: enc });
    });
  }

  it('strips a UTF-8 BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(VI)]);
    expect(decode(bytes)).toEqual({ text: VI, encoding: 'utf-8' });
  });

  it('falls back to windows-1252 for Western European legacy text', () => {
    const text = 'Café au lait, naïve résumé — déjà vu.';
    expect(decode(encode(text, 'windows-1252'))).toEqual({ text, encoding: 'windows-1252' });
  });

  it('normalises NFD input to NFC', () => {
    const nfd = VI.normalize('NFD');
    expect(nfd).not.toBe(VI);
    expect(decode(Buffer.from(nfd)).text).toBe(VI);
  });

  it('decodes Windows-1258 combining tone marks into precomposed letters', () => {
    // "Việt" in CP1258: V i ê(0xEA) + combining dot below (0xF2) t
    expect(decode(Buffer.from([0x56, 0x69, 0xea, 0xf2, 0x74, 0x20, 0x4e, 0x61, 0x6d, 0x20, 0x74, 0xf4, 0xec, 0x69]), 'windows-1258').text).toBe('Việt Nam tối');
  });
});

describe('VNI table (hand-verified byte sequences)', () => {
  it('writes tones and shapes as trailing bytes after the base letter', () => {
    expect([...encodeVni('Việt')]).toEqual([0x56, 0x69, 0x65, 0xe4, 0x74]); // e + 0xE4 = ệ
    expect([...encodeVni('Đà')]).toEqual([0xd1, 0x61, 0xf8]); // Ñ = Đ, a + 0xF8 = à
    expect([...encodeVni('ướt')]).toEqual([0xf6, 0xf4, 0xf9, 0x74]); // ö = ư, ô + 0xF9 = ớ
    expect([...encodeVni('ĩ ỵ')]).toEqual([0xf3, 0x20, 0xee]); // single-byte i and y forms
  });

  it('decodes hand-written VNI bytes', () => {
    // "Nẵng" = N a 0xFC n g ; "Hồ" = H o 0xE0
    expect(decodeVni(Buffer.from([0x4e, 0x61, 0xfc, 0x6e, 0x67, 0x20, 0x48, 0x6f, 0xe0]))).toBe('Nẵng Hồ');
    expect(decodeVni(Buffer.from('THÖÔØNG', 'latin1'))).toBe('THƯỜNG');
  });

  it('round-trips every Vietnamese letter in both cases', () => {
    const all = 'aàáảãạăằắẳẵặâầấẩẫậđeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵ';
    const text = `${all} ${all.toUpperCase()}`;
    expect(decodeVni(encodeVni(text))).toBe(text);
  });
});

describe('TCVN3 (hand-verified)', () => {
  it('"Việt" is 56 69 D6 74', () => {
    expect([...encode('Việt', 'tcvn3')]).toEqual([0x56, 0x69, 0xd6, 0x74]);
    expect(decode(Buffer.from([0x56, 0x69, 0xd6, 0x74, 0x20, 0x4e, 0x61, 0x6d, 0x20, 0x6e, 0x67, 0xad, 0xea, 0x69]), 'tcvn3').text).toBe('Việt Nam người');
  });
});
