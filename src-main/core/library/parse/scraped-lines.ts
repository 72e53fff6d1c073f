/**
 * Split a scraped page into candidate lines. Pages scraped as text either put one paragraph per
 * line, or hard-wrap prose at a fixed width; in the second case wrapped lines are re-joined.
 */

/** Clean one line: NFC, no zero-width characters, non-breaking spaces as spaces, trimmed. */
export function cleanLine(line: string): string {
  return line
    .normalize('NFC')
    .replace(/[\u200b-\u200d\u2060\ufeff]/g, '')
    .replace(/[\u00a0\u2000-\u200a\u202f\u3000\t]/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? 0;
}

/** The page's non-empty lines, with hard-wrapped prose re-joined into one line per paragraph. */
export function splitScrapedLines(text: string): string[] {
  const raw = text.replace(/\r\n?/g, '\n').split('\n').map(cleanLine);
  const lengths = raw.filter((l) => l.length > 0).map((l) => l.length);
  const wrapWidth = percentile(lengths, 0.9);
  // Hard-wrapped text: most lines sit just under a narrow width and blank lines end paragraphs.
  const nearWidth = lengths.filter((n) => n >= wrapWidth * 0.7).length;
  const wrapped = wrapWidth >= 40 && wrapWidth <= 100 && lengths.length >= 6 && nearWidth >= lengths.length * 0.5;
  const out: string[] = [];
  let prev = '';
  for (const line of raw) {
    if (line.length === 0) {
      prev = '';
      continue;
    }
    if (wrapped && prev.length >= wrapWidth * 0.7 && out.length > 0) {
      out[out.length - 1] = `${out[out.length - 1] ?? ''} ${line}`;
    } else {
      out.push(line);
    }
    prev = line;
  }
  return out;
}
