/**
 * Understand a news page scraped as plain text: recover the headline, date, byline, source and
 * photo captions, and drop site furniture (language switchers, menus, share widgets, comment
 * forms, related-article lists, footers) by line shape and position, not by known strings.
 */
import type { Paragraph } from '../../../shared/types';
import { isDateLine, parseVietnameseDate } from './vietnamese-date';
import { endsLikeSentence, isAllCaps, isBodyLike, isTitleLike, lineKey, wordCount } from './line-shape';
import {
  isCaptionLine, isFooterLine, isFormLine, isLanguageSwitcher, isMenuLine, isRelatedHeading,
  isStrongFooter, isWidgetLine, matchByline, matchSource,
} from './boilerplate';
import { splitScrapedLines } from './scraped-lines';

/** What a scraped page yields before library-level furniture removal. */
export interface ScrapedArticle {
  title: string;
  date: string | null;
  author: string | null;
  source: string | null;
  captions: string[];
  paragraphs: Paragraph[];
}

/** Options: `furniture` holds `lineKey`s of lines repeated across the site's pages. */
export interface ScrapedOptions {
  furniture?: ReadonlySet<string>;
}

type Label = 'keep' | 'drop' | 'caption';

/** Longest title we accept before deriving one from a sentence instead. */
const MAX_TITLE = 200;
/** How many lines after the last body line may hold the byline. */
const BYLINE_WINDOW = 3;

/** Parse a scraped page (NFC text) into metadata and clean paragraphs. */
export function parseScrapedText(text: string, opts: ScrapedOptions = {}): ScrapedArticle {
  const furniture = opts.furniture;
  const all = splitScrapedLines(text);
  const lines = furniture?.size ? all.filter((l) => !furniture.has(lineKey(l))) : all;
  // Comparison keys, computed once: the rules below compare lines many times.
  const keys = lines.map(lineKey);
  const labels: Label[] = lines.map(() => 'keep');
  let date: string | null = null;
  let author: string | null = null;
  let source: string | null = null;

  // 1. Line-local rules, valid anywhere in the page.
  lines.forEach((line, i) => {
    if (isDateLine(line)) {
      date ??= parseVietnameseDate(line);
      labels[i] = 'drop';
    } else if (isLanguageSwitcher(line) || isMenuLine(line) || isWidgetLine(line) || isFormLine(line) || isStrongFooter(line)) {
      labels[i] = 'drop';
    } else if (isCaptionLine(line)) {
      labels[i] = 'caption';
    }
    // A short line repeated at once is a photo caption rendered twice (alt text + caption).
    if (i > 0 && keys[i] === keys[i - 1] && labels[i] !== 'drop') {
      labels[i] = 'drop';
      if (labels[i - 1] === 'keep' && line.length <= 300 && i - 1 > firstBody(lines, labels)) labels[i - 1] = 'caption';
    }
  });
  dropRelatedLists(lines, labels);

  const b0 = firstBody(lines, labels);
  const b1 = lastBody(lines, labels);

  // 2. Head zone: the headline, and whatever site chrome sits before it.
  let title = '';
  let titleIndex = -1;
  const headEnd = b0 < 0 ? Math.min(lines.length, 3) : b0;
  const head = range(0, headEnd).filter((i) => labels[i] === 'keep');
  titleIndex = head.find((i) => wordCount(lines[i] ?? '') >= 5 && (lines[i]?.length ?? 0) <= MAX_TITLE && !matchByline(lines[i] ?? '')) ??
    longest(head.filter((i) => wordCount(lines[i] ?? '') >= 2 && !matchByline(lines[i] ?? '')), lines) ?? -1;
  if (titleIndex < 0) {
    const first = range(0, lines.length).find((i) => labels[i] === 'keep');
    const line = first === undefined ? '' : lines[first] ?? '';
    if (first !== undefined && line.length <= MAX_TITLE && !/[.;,]$/.test(line)) titleIndex = first;
    else title = deriveTitle(line);
  }
  if (titleIndex >= 0) {
    title = stripQuotes(lines[titleIndex] ?? '');
    const key = keys[titleIndex];
    keys.forEach((k, i) => { if (k === key) labels[i] = 'drop'; });
    for (const i of head) {
      const line = lines[i] ?? '';
      if (i < titleIndex && !isBodyLike(line)) labels[i] = 'drop'; // site name, section label
      if (i > titleIndex && labels[i] === 'keep') {
        const by = matchByline(line);
        const src = matchSource(line);
        if (src) { source ??= src; labels[i] = 'drop'; }
        else if (by && wordCount(line) <= 6) { author ??= by; labels[i] = 'drop'; }
      }
    }
  }

  // 3. Tail zone: byline, source, widgets, related lists, footer block.
  if (b1 >= 0) {
    let footer = false;
    let seen = 0;
    for (let i = b1 + 1; i < lines.length; i++) {
      if (labels[i] !== 'keep') continue;
      const line = lines[i] ?? '';
      seen++;
      const src = matchSource(line);
      const by = seen <= BYLINE_WINDOW && !footer ? matchByline(line) : null;
      if (footer || isFooterLine(line)) { footer = true; if (!isBodyLike(line)) labels[i] = 'drop'; }
      else if (src) { source ??= src; labels[i] = 'drop'; }
      else if (by && !author) { author = by; labels[i] = 'drop'; }
      else if (isAllCaps(line) && wordCount(line) <= 6) labels[i] = 'drop';
    }
    dropTailRuns(lines, labels, b1 + 1);
  }

  // 4. Sources and bylines written inside the last body lines ("(Theo báo X)", "By Jane Roe").
  for (let i = 0; i < lines.length; i++) {
    if (labels[i] !== 'keep') continue;
    const line = lines[i] ?? '';
    if (!isBodyLike(line)) {
      const src = matchSource(line);
      if (src && !source) { source = src; labels[i] = 'drop'; }
      else if (/^by\s/i.test(line) && !author) { const by = matchByline(line); if (by) { author = by; labels[i] = 'drop'; } }
    }
  }

  // 5. Date fallback: "Ngày 12-10-2020, ..." opening the first body paragraph.
  if (!date) {
    for (const i of range(0, lines.length).filter((k) => labels[k] === 'keep').slice(0, 3)) {
      const lead = (lines[i] ?? '').slice(0, 40);
      if (/^(ngày|hôm|sáng|chiều|tối|trưa|on)?\s*(ngày\s*)?\d/iu.test(lead)) { date = parseVietnameseDate(lead); if (date) break; }
    }
  }

  const paragraphs: Paragraph[] = [];
  const captions: string[] = [];
  lines.forEach((line, i) => {
    if (labels[i] === 'drop') return;
    if (labels[i] === 'caption') {
      captions.push(line);
      paragraphs.push({ index: paragraphs.length, kind: 'caption', text: line });
      return;
    }
    const bullet = /^[-•*▪◦●]\s+(.+)$/u.exec(line);
    if (bullet?.[1]) paragraphs.push({ index: paragraphs.length, kind: 'list-item', text: bullet[1] });
    else paragraphs.push({ index: paragraphs.length, kind: 'paragraph', text: line });
  });
  return { title: title || 'Untitled', date, author, source, captions, paragraphs };
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function firstBody(lines: string[], labels: Label[]): number {
  return lines.findIndex((l, i) => labels[i] === 'keep' && isBodyLike(l));
}

function lastBody(lines: string[], labels: Label[]): number {
  for (let i = lines.length - 1; i >= 0; i--) if (labels[i] === 'keep' && isBodyLike(lines[i] ?? '')) return i;
  return -1;
}

function longest(indices: number[], lines: string[]): number | undefined {
  let best: number | undefined;
  for (const i of indices) if (best === undefined || (lines[i]?.length ?? 0) > (lines[best]?.length ?? 0)) best = i;
  return best;
}

function stripQuotes(s: string): string {
  const m = /^["“«'‘](.*)["”»'’]$/u.exec(s.trim());
  return (m?.[1] ?? s).trim();
}

/** A title from a page that has none: the first clause of its first paragraph, cut at a word. */
function deriveTitle(line: string): string {
  const sentence = /^(.{20,}?[.!?:])(\s|$)/u.exec(line)?.[1] ?? line;
  if (sentence.length <= 120) return sentence.replace(/[.:]$/, '');
  const cut = sentence.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trim()}…`;
}

/** "Tin liên quan" / "Related stories" and the run of headline-like lines that follows it. */
function dropRelatedLists(lines: string[], labels: Label[]): void {
  for (let i = 0; i < lines.length; i++) {
    if (labels[i] !== 'keep' || !isRelatedHeading(lines[i] ?? '')) continue;
    labels[i] = 'drop';
    for (let k = i + 1; k < lines.length; k++) {
      const l = lines[k] ?? '';
      if (labels[k] === 'drop') continue;
      if (isBodyLike(l) || (!isTitleLike(l) && !isCaptionLine(l))) break;
      labels[k] = 'drop';
    }
  }
}

/**
 * After the last body line, a run of two or more headline-like lines (optionally under a short
 * heading) is a list of other articles; so is any line that is not sentence-shaped there.
 */
function dropTailRuns(lines: string[], labels: Label[], from: number): void {
  let run: number[] = [];
  const flush = (): void => {
    if (run.length >= 2) for (const k of run) labels[k] = 'drop';
    run = [];
  };
  for (let i = from; i < lines.length; i++) {
    if (labels[i] !== 'keep') continue;
    const l = lines[i] ?? '';
    const shortHeading = wordCount(l) <= 6 && !endsLikeSentence(l);
    if ((isTitleLike(l) || shortHeading) && !isBodyLike(l)) run.push(i);
    else flush();
  }
  flush();
}
