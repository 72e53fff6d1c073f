/**
 * Turns an Article into the per-language documents the index holds, their metadata (for
 * filters and hits) and the article's change signature. Pure.
 */
import { createHash } from 'node:crypto';
import type { Article, Lang } from '../../shared/types';
import { articleText } from '../../shared/text';

/** Per article id: the user's notes and highlighted text, indexed in the `annotations` field. */
export interface IndexExtras {
  annotations: string;
  hasAnnotations: boolean;
  /** The texts `annotations` is made of, one per note, highlighted passage or tag list. */
  items?: AnnotationText[];
}

/** One text the user wrote or highlighted, shown as the snippet of a hit found through it. */
export interface AnnotationText {
  annotationId: string;
  kind: 'note' | 'highlight' | 'tag';
  text: string;
  /** Paragraph of the highlight (0 for article notes). */
  paragraph: number;
}

/** Raw field texts of one language version; `id` is `${articleId}:${lang}`. */
export interface DocInput {
  id: string;
  title: string;
  body: string;
  author: string;
  source: string;
  annotations: string;
}

/** What the index remembers about one document besides its terms. */
export interface DocMeta {
  articleId: string;
  lang: Lang;
  title: string;
  date: string | null;
  tags: string[];
  hasAnnotations: boolean;
}

/** The MiniSearch fields, in order. */
export const FIELDS = ['title', 'body', 'author', 'source', 'annotations'] as const;
export type Field = (typeof FIELDS)[number];

/** Document id of one language version. */
export function docIdOf(articleId: string, lang: Lang): string {
  return `${articleId}:${lang}`;
}

/** The documents and metadata of an article: one per language version. */
export function articleDocs(article: Article, extras?: IndexExtras): { input: DocInput; meta: DocMeta }[] {
  const seen = new Set<Lang>();
  const out: { input: DocInput; meta: DocMeta }[] = [];
  for (const v of article.versions) {
    if (seen.has(v.lang)) continue; // one document per language; the first version wins
    seen.add(v.lang);
    const body = v.captions.length > 0 ? `${articleText(v.paragraphs)}\n\n${v.captions.join('\n\n')}` : articleText(v.paragraphs);
    out.push({
      input: {
        id: docIdOf(article.id, v.lang),
        title: v.title,
        body,
        author: v.author ?? '',
        source: v.source ?? '',
        annotations: extras?.annotations ?? '',
      },
      meta: {
        articleId: article.id,
        lang: v.lang,
        title: v.title,
        date: v.date,
        tags: v.tags,
        hasAnnotations: extras?.hasAnnotations ?? false,
      },
    });
  }
  return out;
}

/**
 * Change signature of an article as indexed: versions' identity, content hash and filterable
 * metadata, plus a digest of the annotation extras. Equal signatures mean nothing to re-index.
 */
export function articleSignature(article: Article, extras?: IndexExtras): string {
  const h = createHash('sha1');
  for (const v of article.versions) {
    h.update(`${v.fileId}\u0001${v.lang}\u0001${v.contentHash}\u0001${v.title}\u0001${v.date ?? ''}\u0001`);
    h.update(`${v.author ?? ''}\u0001${v.source ?? ''}\u0001${v.tags.join('\u0002')}\u0001${v.captions.length}\u0000`);
  }
  h.update(extras ? `${extras.hasAnnotations ? 1 : 0}\u0001${extras.annotations}` : '-');
  return h.digest('base64url');
}
