/**
 * Article versions whose paragraphs are read only when something asks for them. The warm start
 * loads the compact part of the cache (metadata, counts, where each article's paragraphs lie);
 * `version.paragraphs` is a getter that reads that article's record on first use. Everything
 * that only lists, pairs, signs or searches a library never touches the paragraphs.
 */
import type { ArticleVersion, Paragraph } from '../../shared/types';

/** Paragraph count of a version without loading its paragraphs (set on lazy versions). */
const COUNT = Symbol('paragraphCount');
/** Whether the paragraphs were already loaded (tests and diagnostics). */
const LOADED = Symbol('paragraphsLoaded');
/** Where the paragraphs come from (the cache record), so a save can copy them unread. */
const ORIGIN = Symbol('paragraphsOrigin');

type Lazy = ArticleVersion & { [COUNT]?: number; [LOADED]?: () => boolean; [ORIGIN]?: unknown };

/**
 * A version with everything but the paragraphs, which `load` returns on first read (then kept).
 * `origin` is kept for `lazyOrigin` (the cache's record of the raw paragraphs). `meta` becomes
 * the version (not copied: 10,000 of them are made at every warm start), so pass a fresh object.
 */
export function lazyVersion(meta: Omit<ArticleVersion, 'paragraphs'>, count: number, load: () => Paragraph[], origin?: unknown): ArticleVersion {
  let value: Paragraph[] | null = null;
  const v = meta as Lazy;
  Object.defineProperty(v, 'paragraphs', {
    enumerable: true,
    configurable: true,
    get: () => (value ??= load()),
    // Code that assigns paragraphs replaces the lazy value.
    set: (p: Paragraph[]) => { value = p; },
  });
  Object.defineProperty(v, COUNT, { value: count, enumerable: false });
  Object.defineProperty(v, LOADED, { value: () => value !== null, enumerable: false });
  if (origin !== undefined) Object.defineProperty(v, ORIGIN, { value: origin, enumerable: false });
  return v;
}

/** The `origin` a lazy version was made with (undefined for others). */
export function lazyOrigin(v: ArticleVersion): unknown {
  return (v as Lazy)[ORIGIN];
}

/** The number of paragraphs, loading nothing for a lazy version. */
export function paragraphCount(v: ArticleVersion): number {
  return (v as Lazy)[COUNT] ?? v.paragraphs.length;
}

/** False for a lazy version whose paragraphs were never read; true otherwise. */
export function paragraphsLoaded(v: ArticleVersion): boolean {
  const loaded = (v as Lazy)[LOADED];
  return loaded ? loaded() : true;
}

/**
 * `v` with `patch` applied, keeping a lazy version lazy (a spread would read the paragraphs).
 * A patch that carries paragraphs gives an ordinary version.
 */
export function withFields(v: ArticleVersion, patch: Partial<ArticleVersion>): ArticleVersion {
  if (paragraphsLoaded(v) || 'paragraphs' in patch) return { ...v, ...patch } as ArticleVersion;
  const descriptors = Object.getOwnPropertyDescriptors(v);
  const out = Object.defineProperties({}, descriptors) as ArticleVersion;
  Object.assign(out, patch);
  return out;
}
