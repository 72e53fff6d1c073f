/** Which language versions of an article an export renders. */
import type { Article, ArticleVersion } from '../../../shared/types';

/** The requested language: one version, or both. */
export type ExportLang = 'vi' | 'en' | 'both';

/**
 * The versions to print, left/primary first. `vi`/`en` fall back to the version the article
 * has; `both` is Vietnamese then English when both exist, else the single version.
 */
export function renderedVersions(article: Article, lang: ExportLang): ArticleVersion[] {
  const vs = article.versions;
  if (vs.length === 0) return [];
  const vi = vs.find((v) => v.lang === 'vi');
  const en = vs.find((v) => v.lang === 'en');
  if (lang === 'vi') return [vi ?? (vs[0] as ArticleVersion)];
  if (lang === 'en') return [en ?? (vs[0] as ArticleVersion)];
  if (vi && en) return [vi, en];
  // Two versions without a vi/en pair (e.g. one undetermined): keep their stored order.
  return vs.slice(0, 2);
}
