/**
 * Domain types shared by main, the CLI and the renderer.
 * Pure TypeScript: no `node:`, `electron` or DOM imports (the renderer imports this file).
 */

/** Languages Folio pairs and reads; `und` when detection is not confident. */
export type Lang = 'vi' | 'en' | 'und';
export const LANGS = ['vi', 'en', 'und'] as const;

/** What a block of the article is; the reader styles each kind, anchors ignore it. */
export type ParagraphKind = 'paragraph' | 'heading' | 'caption' | 'quote' | 'list-item' | 'preformatted';

/**
 * One block of readable text. Paragraphs are the unit of the reader, of search snippets and
 * of annotation anchors; `index` is stable for a given file content (0-based, in reading order).
 */
export interface Paragraph {
  index: number;
  kind: ParagraphKind;
  /** NFC-normalised plain text, no markup. */
  text: string;
}

/** The source format a version was read from. */
export type ArticleFormat = 'txt' | 'md' | 'html' | 'mhtml' | 'docx' | 'epub' | 'pdf';

/** One language version of an article: one file on disk. */
export interface ArticleVersion {
  /** Stable id of this file (survives restarts, and renames when the content is unchanged). */
  fileId: string;
  lang: Lang;
  /** Path relative to the library root, with `/` separators. */
  path: string;
  format: ArticleFormat;
  /** Encoding the bytes were decoded from, e.g. `utf-8`, `utf-16le`, `windows-1258`, `tcvn3`, `vni`. */
  encoding: string;
  title: string;
  /** ISO 8601 (`2020-12-31T20:31:00` local time without offset, or a date `2020-12-31`). */
  date: string | null;
  author: string | null;
  source: string | null;
  tags: string[];
  /** Photo captions recognised in scraped pages, kept apart from the body. */
  captions: string[];
  paragraphs: Paragraph[];
  /** File size and mtime (ms) at read time, used for change detection. */
  size: number;
  mtimeMs: number;
  /** sha256 (hex) of the decoded, NFC-normalised text: identity across renames. */
  contentHash: string;
}

/** A library entry: one article with one or two language versions (a translation pair). */
export interface Article {
  /** Stable entry id (the id of the version first seen); any version's fileId resolves to it too. */
  id: string;
  versions: ArticleVersion[];
}

/** The lightweight row the library list shows. */
export interface ArticleSummary {
  id: string;
  title: string;
  date: string | null;
  source: string | null;
  author: string | null;
  langs: Lang[];
  tags: string[];
  path: string;
  annotationCount: number;
  /** Last time the user opened it (ms since epoch), from settings; null if never. */
  lastReadAt: number | null;
}

/** A file the scan could not turn into an article, with a one-line reason. */
export interface SkippedFile {
  path: string;
  reason: SkipReason;
  /** Human-readable detail (English); the UI translates `reason`. */
  message: string;
}

export type SkipReason =
  | 'too-large'
  | 'binary'
  | 'unreadable'
  | 'vanished'
  | 'decode-error'
  | 'parse-error'
  | 'empty'
  | 'limit-reached'
  | 'outside-library'
  | 'too-slow'
  | 'no-text'
  | 'encrypted';

/** Progress of a scan or index build. */
export interface ScanProgress {
  phase: 'scanning' | 'indexing' | 'ready';
  done: number;
  total: number;
}

/** Library state and the last scan's report. */
export interface LibraryStatus {
  root: string;
  dataDir: string;
  progress: ScanProgress;
  articleCount: number;
  pairCount: number;
  skipped: SkippedFile[];
}

/** Highlight colours: the five the reader and PDF export know. */
export type HighlightColor = 'yellow' | 'green' | 'blue' | 'pink' | 'purple';
export const HIGHLIGHT_COLORS = ['yellow', 'green', 'blue', 'pink', 'purple'] as const;

/** W3C Web Annotation TextQuoteSelector (https://www.w3.org/TR/annotation-model/#text-quote-selector). */
export interface TextQuoteSelector {
  type: 'TextQuoteSelector';
  exact: string;
  prefix: string;
  suffix: string;
}

/**
 * W3C Web Annotation TextPositionSelector over the version's *normalised text*: the paragraphs'
 * texts joined with "\n\n" (see `articleText` in shared/text.ts). Offsets are UTF-16 code units.
 */
export interface TextPositionSelector {
  type: 'TextPositionSelector';
  start: number;
  end: number;
}

/** A highlight (with an optional note) or an article-level note. */
export interface Annotation {
  id: string;
  articleId: string;
  /** The language version the highlight belongs to (article-level notes: the version shown). */
  lang: Lang;
  kind: 'highlight' | 'note';
  /** Present for highlights; absent for article-level notes. */
  target: {
    quote: TextQuoteSelector;
    position: TextPositionSelector;
    /** Paragraph index where the highlight starts. */
    paragraph: number;
  } | null;
  color: HighlightColor;
  /** Markdown, may be empty. */
  note: string;
  tags: string[];
  /** ISO 8601 timestamps. */
  created: string;
  updated: string;
}

/** An annotation as anchored against the article's current text. */
export interface AnchoredAnnotation extends Annotation {
  /** True when the highlight cannot be placed in the current text; its quote and note stay intact. */
  orphaned: boolean;
}

/** A matched span inside a snippet: [start, end) in UTF-16 code units of `text`. */
export type Range = [number, number];

export interface SearchSnippet {
  lang: Lang;
  paragraph: number;
  text: string;
  ranges: Range[];
  /** Set when the snippet is the user's own note, highlighted text or tags that matched. */
  via?: 'note' | 'highlight' | 'tag';
  /** The annotation the snippet comes from (with `via`). */
  annotationId?: string;
}

export interface SearchHit {
  id: string;
  title: string;
  /** Matched spans in `title`. */
  titleRanges?: Range[];
  date: string | null;
  score: number;
  lang: Lang;
  snippets: SearchSnippet[];
}

/** One page of search results and the true number of matching articles. */
export interface SearchPage {
  total: number;
  offset: number;
  hits: SearchHit[];
  /**
   * True for quoted phrases when some candidates were not checked against their text yet: all
   * their words are present and adjacent in pairs, so `total` is an upper bound ("about").
   */
  approximate?: boolean;
}

/** Filters accepted by search. */
export interface SearchFilters {
  lang?: Lang;
  /** ISO dates, inclusive. */
  from?: string;
  to?: string;
  tag?: string;
  hasAnnotations?: boolean;
}
