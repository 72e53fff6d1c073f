/**
 * A topical Vietnamese library, shaped like a reader's own: one subject (mass mobilisation work,
 * "công tác dân vận"), so a few thousand syllables cover everything and the query words occur in
 * most articles. Generated, never copied: syllable unigram and successor (pair) counts are
 * measured on a seed text written for this bench plus, when present, the sample articles in
 * `../shared/samples` (statistics only); text is drawn from a first-order chain that restarts
 * from the unigram distribution often (so no source sentence is replayed), and a Zipf tail of
 * phonotactically valid syllables (lexicon.ts) brings the vocabulary to a few thousand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mulberry32, vietnameseSyllables } from './lexicon';
import { zipfSampler } from './corpus';

/** Written for this bench: the register and vocabulary of the subject, in our own words. */
const SEED = `Công tác dân vận của hệ thống chính trị ở cơ sở tiếp tục được tăng cường trong năm qua.
Ban Dân vận Tỉnh ủy phối hợp với Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội triển khai nhiệm vụ
vận động nhân dân tham gia phong trào thi đua dân vận khéo, xây dựng nông thôn mới và đô thị văn minh.
Cán bộ, đảng viên phải gần dân, hiểu dân, tin dân, trọng dân và có trách nhiệm với dân; lắng nghe ý kiến,
giải quyết kịp thời những kiến nghị chính đáng của nhân dân. Hội nghị tổng kết công tác dân vận nhiệm kỳ
đã đánh giá kết quả thực hiện quy chế dân chủ ở cơ sở, công tác tuyên truyền, vận động đồng bào dân tộc
thiểu số, đồng bào có đạo, công tác dân vận chính quyền và dân vận trong lực lượng vũ trang. Các cấp ủy đảng
cần tiếp tục đổi mới nội dung, phương thức lãnh đạo, chỉ đạo, nâng cao chất lượng đội ngũ cán bộ làm công tác
dân vận, gắn với học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh. Đồng chí Bí thư Huyện ủy
nhấn mạnh nhiệm vụ trọng tâm năm tới là củng cố khối đại đoàn kết toàn dân tộc, phát huy quyền làm chủ
của nhân dân, tạo đồng thuận xã hội, góp phần hoàn thành thắng lợi các mục tiêu phát triển kinh tế - xã hội,
bảo đảm quốc phòng, an ninh ở địa phương. Mô hình dân vận khéo được nhân rộng trên các lĩnh vực kinh tế,
văn hóa, xã hội, quốc phòng, an ninh và xây dựng hệ thống chính trị. Ủy ban nhân dân xã chủ động đối thoại
với nhân dân, tiếp công dân định kỳ, công khai thủ tục hành chính, giải quyết dứt điểm đơn thư khiếu nại.
Hội Liên hiệp Phụ nữ, Hội Nông dân, Hội Cựu chiến binh và Đoàn Thanh niên tích cực tham gia giám sát,
phản biện xã hội, vận động hội viên thực hiện tốt chủ trương của Đảng, chính sách, pháp luật của Nhà nước.
Báo cáo số 08-BC/TU ngày 15-10-2020 nêu rõ những hạn chế, khuyết điểm và bài học kinh nghiệm trong công tác
dân vận, đồng thời đề ra phương hướng, nhiệm vụ, giải pháp cho giai đoạn tiếp theo.`;

const SYLLABLE = /[\p{L}\p{M}\p{N}]+/gu;

/** Unigram and successor counts of the seed text and, if found, the sample folder. */
function measure(samplesDir: string | undefined): { words: string[]; counts: Map<string, number>; next: Map<string, Map<string, number>>; sources: number } {
  const texts = [SEED];
  if (samplesDir && existsSync(samplesDir)) {
    for (const name of readdirSync(samplesDir).filter((n) => n.endsWith('.txt'))) texts.push(readFileSync(join(samplesDir, name), 'utf8'));
  }
  const counts = new Map<string, number>();
  const next = new Map<string, Map<string, number>>();
  for (const text of texts) {
    for (const sentence of text.normalize('NFC').split(/[.!?;:\n“”"()–-]+/)) {
      const ws = (sentence.match(SYLLABLE) ?? []).map((w) => w.toLowerCase()).filter((w) => !/^\d+$/.test(w));
      ws.forEach((w, i) => {
        counts.set(w, (counts.get(w) ?? 0) + 1);
        const n = ws[i + 1];
        if (n) {
          let m = next.get(w);
          if (!m) next.set(w, (m = new Map()));
          m.set(n, (m.get(n) ?? 0) + 1);
        }
      });
    }
  }
  const words = [...counts.keys()].sort((a, b) => (counts.get(b) as number) - (counts.get(a) as number) || (a < b ? -1 : 1));
  return { words, counts, next, sources: texts.length };
}

/** Draws from weighted items. */
function weighted(entries: readonly [string, number][], rand: () => number): string {
  let total = 0;
  for (const [, w] of entries) total += w;
  let x = rand() * total;
  for (const [k, w] of entries) if ((x -= w) < 0) return k;
  return (entries[entries.length - 1] as [string, number])[0];
}

/** Writes N topical articles (`<id>.vi.txt`: title line, blank line, paragraphs). */
export async function writeTopicalCorpus(dir: string, spec: { n: number; seed?: number; samplesDir?: string }): Promise<{ files: number; bytes: number; vocabulary: number; sources: number }> {
  const rand = mulberry32(spec.seed ?? 16_016);
  const stats = measure(spec.samplesDir);
  const unigram = [...stats.counts.entries()];
  const cdf: number[] = [];
  let acc = 0;
  for (const [, c] of unigram) cdf.push((acc += c));
  const fromUnigram = (): string => {
    const x = rand() * acc;
    let lo = 0;
    let hi = cdf.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return (unigram[lo] as [string, number])[0];
  };
  const known = new Set(stats.words);
  const tail = zipfSampler(vietnameseSyllables(4000, rand).filter((s) => !known.has(s)), rand, 1.0, 50);
  const successors = new Map([...stats.next].map(([w, m]) => [w, [...m.entries()]] as const));
  const used = new Set<string>();
  const sentence = (len: number): string => {
    const out: string[] = [];
    let prev: string | null = null;
    for (let i = 0; i < len; i++) {
      const r = rand();
      let w: string;
      const succ = prev ? successors.get(prev) : undefined;
      if (r < 0.12) w = tail();
      else if (succ && r < 0.62) w = weighted(succ, rand);
      else w = fromUnigram(); // restart: no long run of the source is replayed
      out.push(w);
      used.add(w);
      prev = w;
    }
    const s = out.join(' ');
    return s.charAt(0).toUpperCase() + s.slice(1) + '.';
  };
  await mkdir(dir, { recursive: true });
  let files = 0;
  let bytes = 0;
  const pending: Promise<void>[] = [];
  for (let i = 0; i < spec.n; i++) {
    const id = `t${String(i).padStart(6, '0')}`;
    const words = 250 + Math.floor(rand() * 900);
    const paragraphs: string[] = [];
    let left = words;
    while (left > 0) {
      const ss: string[] = [];
      for (let k = 0; k < 2 + Math.floor(rand() * 4) && left > 0; k++) {
        const len = Math.min(left, 10 + Math.floor(rand() * 20));
        ss.push(sentence(len));
        left -= len;
      }
      paragraphs.push(ss.join(' '));
    }
    const title = sentence(6 + Math.floor(rand() * 8)).slice(0, -1);
    const text = `${title}\n\n${paragraphs.join('\n\n')}`;
    pending.push(writeFile(join(dir, `${id}.vi.txt`), text));
    files++;
    bytes += Buffer.byteLength(text);
    if (pending.length >= 256) await Promise.all(pending.splice(0));
  }
  await Promise.all(pending);
  return { files, bytes, vocabulary: used.size, sources: stats.sources };
}
