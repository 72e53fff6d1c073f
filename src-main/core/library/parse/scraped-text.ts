/**
 * Understand a news page scraped as plain text: recover the headline, date, byline, source and
 * photo captions, and drop site furniture (language switchers, menus, share widgets, comment
 * forms, related-article lists, footers) by line shape and position, not by known strings.
 * The rules live in `article-lines.ts`; this module splits the page into lines and builds
 * paragraphs from the lines kept.
 */
import type { Paragraph } from '../../../shared/types';
import { cleanArticleLines, type LineDecision } from './article-lines';
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

/** Every line of a scraped page with what the cleanup decided for it and why. */
export function explainScrapedText(text: string, opts: ScrapedOptions = {}): LineDecision[] {
  return cleanArticleLines(splitScrapedLines(text), { furniture: opts.furniture }).decisions;
}

/** Parse a scraped page (NFC text) into metadata and clean paragraphs. */
export function parseScrapedText(text: string, opts: ScrapedOptions = {}): ScrapedArticle {
  const cleaned = cleanArticleLines(splitScrapedLines(text), { furniture: opts.furniture });
  const paragraphs: Paragraph[] = [];
  const captions: string[] = [];
  for (const d of cleaned.decisions) {
    if (d.action === 'caption') {
      captions.push(d.text);
      paragraphs.push({ index: paragraphs.length, kind: 'caption', text: d.text });
    } else if (d.action === 'keep') {
      const bullet = /^[-•*▪◦●]\s+(.+)$/u.exec(d.text);
      if (bullet?.[1]) paragraphs.push({ index: paragraphs.length, kind: 'list-item', text: bullet[1] });
      else paragraphs.push({ index: paragraphs.length, kind: 'paragraph', text: d.text });
    }
  }
  return { title: cleaned.title || 'Untitled', date: cleaned.date, author: cleaned.author, source: cleaned.source, captions, paragraphs };
}
