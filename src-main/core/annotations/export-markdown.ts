/**
 * Markdown export of highlights and notes, grouped by article: a heading with the title, a line
 * of source/author/date, each highlight as a `>` quote followed by its note and `#tags` — the
 * shape Obsidian and Readwise-style notes use. Each entry ends with an HTML comment holding the
 * full record as JSON (invisible when rendered), so `fromMarkdown` re-imports it losslessly.
 */
import { PARAGRAPH_SEPARATOR } from '../../shared/text';
import type { AnchoredAnnotation, Annotation, Article, ArticleVersion } from '../../shared/types';
import { validateAnnotation } from './schema';
import { counterpartOf } from '../../shared/align/counterpart';
import { formatDate } from '../../shared/format-date';

const MARKER = 'folio-annotation';

/** An Obsidian-compatible tag: no spaces, `#` or commas. */
function asHashtag(tag: string): string {
  return `#${tag.trim().replace(/[\s#,;]+/g, '-')}`;
}

/** The record as JSON safe inside an HTML comment ("--" cannot occur outside JSON strings). */
function embed(a: Annotation): string {
  const { orphaned: _ignored, ...record } = a as AnchoredAnnotation;
  return `<!-- ${MARKER} ${JSON.stringify(record).replace(/--/g, '-\\u002d')} -->`;
}

function blockquote(text: string): string {
  return text
    .split(PARAGRAPH_SEPARATOR)
    .map((p) => p.split('\n').map((line) => `> ${line}`.trimEnd()).join('\n'))
    .join('\n>\n');
}

function versionFor(article: Article, annotations: readonly Annotation[]): ArticleVersion | undefined {
  const lang = annotations[0]?.lang;
  return article.versions.find((v) => v.lang === lang) ?? article.versions[0];
}

function entry(article: Article, a: AnchoredAnnotation, showLang: boolean): string {
  const parts: string[] = [];
  if (a.target) parts.push(blockquote(a.target.quote.exact));
  // In a translation pair, the aligned sentence(s) of the other version travel with the quote.
  const other = counterpartOf(article, a);
  if (other) parts.push(`Translation (${other.version.lang}):\n\n${blockquote(other.text)}`);
  if (a.note.trim()) parts.push(a.note.trim());
  const meta: string[] = [];
  if (a.tags.length) meta.push(a.tags.map(asHashtag).join(' '));
  if (a.kind === 'highlight') meta.push(`Colour: ${a.color}`);
  if (showLang) meta.push(`Language: ${a.lang}`);
  if (a.orphaned) meta.push('Not found in the current text');
  if (meta.length) parts.push(meta.join(' · '));
  parts.push(embed(a));
  return parts.join('\n\n');
}

function articleSection(article: Article, annotations: readonly AnchoredAnnotation[]): string {
  const v = versionFor(article, annotations);
  const lines = [`# ${v?.title || article.id}`, ''];
  const about = [
    v?.source ? `Source: ${v.source}` : '',
    v?.author ? `Author: ${v.author}` : '',
    // One format for every article (a saved page's date carries a time, a text file's does not):
    // Folio's own, in the export's language (its labels are English), as the PDF export shows it.
    v?.date ? `Date: ${formatDate(v.date, 'en')}` : '',
    v?.path ? `File: ${v.path}` : '',
  ].filter(Boolean);
  for (const line of about) lines.push(`- ${line}`);
  if (v?.tags.length) lines.push(`- Tags: ${v.tags.map(asHashtag).join(' ')}`);
  if (about.length || v?.tags.length) lines.push('');
  const showLang = article.versions.length > 1;
  const sorted = [...annotations].sort(
    (a, b) => a.lang.localeCompare(b.lang) || (a.target?.position.start ?? 0) - (b.target?.position.start ?? 0),
  );
  const notes = sorted.filter((a) => a.kind === 'note');
  const highlights = sorted.filter((a) => a.kind === 'highlight');
  if (notes.length) lines.push('## Notes', '', notes.map((a) => entry(article, a, showLang)).join('\n\n'), '');
  if (highlights.length) lines.push('## Highlights', '', highlights.map((a) => entry(article, a, showLang)).join('\n\n'), '');
  if (!annotations.length) lines.push('_No highlights or notes._', '');
  return lines.join('\n');
}

/** Markdown of each article's highlights and notes (Obsidian/Readwise-friendly). */
export function toMarkdown(groups: Array<{ article: Article; annotations: AnchoredAnnotation[] }>): string {
  return groups.map((g) => articleSection(g.article, g.annotations)).join('\n---\n\n');
}

/** Recovers the records embedded by `toMarkdown` (validated; unusable ones listed in `errors`). */
export function fromMarkdown(markdown: string): { annotations: Annotation[]; errors: string[] } {
  const annotations: Annotation[] = [];
  const errors: string[] = [];
  const re = new RegExp(`<!-- ${MARKER} (.*?) -->`, 'g');
  let n = 0;
  for (const m of markdown.matchAll(re)) {
    n++;
    try {
      const v = validateAnnotation(JSON.parse(m[1] ?? ''));
      if (v.ok) annotations.push(v.value);
      else errors.push(`entry ${n}: ${v.reason}`);
    } catch (err) {
      errors.push(`entry ${n}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { annotations, errors };
}
