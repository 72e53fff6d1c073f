/**
 * Why each line of a file was kept or dropped: the cleanup's decisions with their rule names,
 * for `folio show --explain`. Pure: it re-runs the parser's rules on the file's decoded text and
 * compares with the version the library holds (whose lines repeated across a site's files were
 * removed afterwards as site furniture).
 */
import type { ArticleVersion } from '../../shared/types';
import { lineKey } from './parse/line-shape';
import type { LineDecision } from './parse/article-lines';
import { explainScrapedText } from './parse/scraped-text';
import { parseHtml } from './parse/html';

export type { LineDecision } from './parse/article-lines';

/** Decisions for the lines of one version's text (decoded, NFC). Markdown keeps every block. */
export function explainVersion(text: string, version: Pick<ArticleVersion, 'format' | 'paragraphs'>): LineDecision[] {
  let decisions: LineDecision[];
  if (version.format === 'txt') decisions = explainScrapedText(text);
  else if (version.format === 'html') decisions = parseHtml(text).decisions;
  else return version.paragraphs.map((p) => ({ index: p.index, text: p.text, action: p.kind === 'caption' ? 'caption' : 'keep', rule: 'markdown-block' }));
  // Kept by the file's rules but absent from the library's version: removed across files.
  const final = new Set(version.paragraphs.map((p) => lineKey(p.text)));
  return decisions.map((d) => ((d.action === 'keep' || d.action === 'caption') && !final.has(lineKey(d.text)) ? { ...d, action: 'drop', rule: 'site-furniture' } : d));
}

/** One line per decision that is not a kept body line: "[rule] action: text". */
export function formatDecisions(decisions: readonly LineDecision[], width = 100): string[] {
  return decisions
    .filter((d) => d.action !== 'keep')
    .map((d) => {
      const text = d.text.length > width ? `${d.text.slice(0, width - 1)}…` : d.text;
      return `  ${`[${d.rule}]`.padEnd(20)} ${d.action.padEnd(7)} ${text}`;
    });
}
