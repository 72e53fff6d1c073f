/**
 * Cross-language highlights: in a translation pair, the sentences of the other version aligned
 * with a highlight (sentence-align.ts), computed once per article. Shared by the reader (cards,
 * faint marks) and the exports.
 */
import type { AnchoredAnnotation, Annotation, Article, ArticleVersion } from '../types';
import { articleText } from '../text';
import { alignParagraphs } from './index';
import { alignSentences, counterpartSpans, type SentenceBead, type TextSpan } from './sentence-align';

interface PairAlignment {
  left: ArticleVersion;
  right: ArticleVersion;
  beads: SentenceBead[];
}

const cache = new WeakMap<Article, PairAlignment | null>();

/** The sentence alignment of a pair (first version left), or null for a single version. */
export function pairAlignment(article: Article): PairAlignment | null {
  if (cache.has(article)) return cache.get(article) ?? null;
  const [left, right] = article.versions;
  let result: PairAlignment | null = null;
  if (left && right) {
    const l = left.paragraphs.map((p) => p.text);
    const r = right.paragraphs.map((p) => p.text);
    result = { left, right, beads: alignSentences({ paragraphs: l, lang: left.lang }, { paragraphs: r, lang: right.lang }, alignParagraphs(l, r)) };
  }
  cache.set(article, result);
  return result;
}

/** The other version's aligned sentences for a highlight: its language, spans and text. */
export interface Counterpart {
  version: ArticleVersion;
  spans: TextSpan[];
  text: string;
}

/** The counterpart of a (placed) highlight in a pair; null for notes, orphans and single versions. */
export function counterpartOf(article: Article, a: Annotation | AnchoredAnnotation): Counterpart | null {
  if (a.kind !== 'highlight' || !a.target || ('orphaned' in a && a.orphaned)) return null;
  const pair = pairAlignment(article);
  if (!pair) return null;
  const side = a.lang === pair.left.lang ? 'left' : a.lang === pair.right.lang ? 'right' : null;
  if (!side) return null;
  const spans = counterpartSpans(pair.beads, side, a.target.position.start, a.target.position.end);
  if (!spans.length) return null;
  const version = side === 'left' ? pair.right : pair.left;
  const full = articleText(version.paragraphs);
  return { version, spans, text: spans.map((s) => full.slice(s.start, s.end)).join(' ') };
}
