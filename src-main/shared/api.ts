/**
 * The one API contract between the renderer and main. Every request the renderer can make is
 * listed in `API` with its runtime request schema (zod) and its response type. Handlers implement
 * it once (src-main/api/); two transports carry it: Electron IPC through the preload, and the
 * loopback web bridge (src-main/bridge/). Pure TypeScript: the renderer imports this file.
 */
import { z } from 'zod';
import type {
  AnchoredAnnotation,
  Annotation,
  Article,
  ArticleSummary,
  LibraryStatus,
  ScanProgress,
  SearchHit,
  SearchPage,
  SkippedFile,
} from './types';
import type { Result } from './result';
import { SettingsPatchSchema, type Settings } from './settings';
import { MetadataEditSchema } from './metadata-edit';

/** Ids are short opaque strings; bounded so a hostile request cannot send megabytes of id. */
const Id = z.string().min(1).max(200);
const LangSchema = z.enum(['vi', 'en', 'und']);
const ColorSchema = z.enum(['yellow', 'green', 'blue', 'pink', 'purple']);
const TagsSchema = z.array(z.string().min(1).max(100)).max(50);
const NoteSchema = z.string().max(100_000);
const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (YYYY-MM-DD)');

/**
 * Declares a method: the response type as a phantom, the request as a zod schema.
 * Curried so the request type is inferred: `method<Article>()(z.object({ id: Id }))`.
 */
function method<Res>() {
  return <Req extends z.ZodType>(request: Req): { request: Req; response: Res } => ({
    request,
    response: undefined as unknown as Res,
  });
}

const Empty = z.object({}).strict();

export const SearchRequestSchema = z
  .object({
    query: z.string().max(1000),
    limit: z.number().int().min(1).max(500).optional(),
    /** Matching articles to skip (paging). */
    offset: z.number().int().min(0).max(1_000_000).optional(),
    prefix: z.boolean().optional(),
    filters: z
      .object({
        lang: LangSchema.optional(),
        from: IsoDate.optional(),
        to: IsoDate.optional(),
        tag: z.string().max(100).optional(),
        hasAnnotations: z.boolean().optional(),
      })
      .strict()
      .optional(),
  })
  .strict();

/** The most articles one export takes (a PDF of more is no longer something to read). */
export const EXPORT_MAX_ARTICLES = 1000;

/** The language of an export's suggested file name: the interface's, sent by the renderer. */
const FileNameLang = z.enum(['vi', 'en']);

export const PdfExportRequestSchema = z
  .object({
    ids: z.array(Id).min(1).max(EXPORT_MAX_ARTICLES),
    lang: z.enum(['vi', 'en', 'both']),
    layout: z.enum(['side-by-side', 'interleaved']).optional(),
    paper: z.enum(['a4', 'letter']),
    flattenHighlights: z.boolean().optional(),
    fileNameLang: FileNameLang.optional(),
  })
  .strict();

/** The ids of every article a search matches (the same query and filters as `searchPage`), for export. */
export const SearchIdsRequestSchema = SearchRequestSchema.omit({ limit: true, offset: true });

/**
 * Ids of a search's whole result set in rank order, at most EXPORT_MAX_ARTICLES of them; `total`
 * counts every match, so `ids.length < total` says the set was cut.
 */
export interface SearchIds {
  ids: string[];
  total: number;
}

/** Information about the running app and its library. */
export interface AppInfo {
  version: string;
  transport: 'electron' | 'web';
  libraryRoot: string;
  dataDir: string;
  /** Capabilities only one transport has (e.g. reveal in file manager, open another library). */
  capabilities: { revealInFolder: boolean; openLibrary: boolean };
  /** Plain-words report when annotations were recovered from a backup at start, else null. */
  recovery: { en: string; vi: string } | null;
  /**
   * An annotations.json copied in from another library, not adopted (writes are refused until the
   * user merges it with `mergeForeignAnnotations` or moves it away); null when there is none.
   */
  foreignAnnotations: { annotations: number } | null;
}

/** An exported file, returned as bytes so both transports deliver it the same way. */
export interface ExportedFile {
  fileName: string;
  mimeType: string;
  /** Base64 of the file's bytes. */
  base64: string;
}

/**
 * Optional paging of the article list (absent: the whole list, in the library's order). With
 * `offset`/`limit` the pages run newest first, the list's default order, so that the first page
 * is the top of the list and the window can paint it before the rest arrives.
 */
export const ListArticlesRequestSchema = z
  .object({
    offset: z.number().int().min(0).max(10_000_000).optional(),
    limit: z.number().int().min(1).max(100_000).optional(),
    /**
     * Only articles with a version in this language, or pairs ('pair'): the first rows of a
     * filter chosen while the rest of a large list is still loading.
     */
    lang: z.enum(['vi', 'en', 'pair']).optional(),
  })
  .strict();

export const API = {
  getAppInfo: method<AppInfo>()(Empty),
  getLibraryStatus: method<LibraryStatus>()(Empty),
  listArticles: method<ArticleSummary[]>()(ListArticlesRequestSchema),
  getArticle: method<Article>()(z.object({ id: Id }).strict()),
  getRawText: method<{ text: string; path: string }>()(z.object({ id: Id, lang: LangSchema.optional() }).strict()),
  listSkipped: method<SkippedFile[]>()(Empty),
  rescan: method<LibraryStatus>()(Empty),
  search: method<SearchHit[]>()(SearchRequestSchema),
  /** A page of results with the true total (the UI's "more results"). */
  searchPage: method<SearchPage>()(SearchRequestSchema),

  listAnnotations: method<AnchoredAnnotation[]>()(z.object({ articleId: Id }).strict()),
  searchAnnotations: method<Annotation[]>()(
    z
      .object({ text: z.string().max(1000).optional(), tag: z.string().max(100).optional(), color: ColorSchema.optional() })
      .strict(),
  ),
  createHighlight: method<AnchoredAnnotation>()(
    z
      .object({
        articleId: Id,
        lang: LangSchema,
        start: z.number().int().min(0),
        end: z.number().int().min(0),
        color: ColorSchema.optional(),
        note: NoteSchema.optional(),
        tags: TagsSchema.optional(),
      })
      .strict(),
  ),
  createNote: method<AnchoredAnnotation>()(
    z.object({ articleId: Id, lang: LangSchema, note: NoteSchema, tags: TagsSchema.optional() }).strict(),
  ),
  updateAnnotation: method<Annotation>()(
    z.object({ id: Id, note: NoteSchema.optional(), color: ColorSchema.optional(), tags: TagsSchema.optional() }).strict(),
  ),
  deleteAnnotation: method<{ id: string }>()(z.object({ id: Id }).strict()),
  /** `id`: undo only if the last action was on this annotation (an Undo button's own action). */
  undo: method<{ description: string; articleId: string } | null>()(z.object({ id: Id.optional() }).strict()),
  redo: method<{ description: string; articleId: string } | null>()(z.object({ id: Id.optional() }).strict()),

  /** Renames a tag on every annotation; renaming onto an existing tag merges the two. */
  /** Merges an annotations.json copied in from another library, with the user's consent. */
  mergeForeignAnnotations: method<{ added: number; updated: number; keptAs: string }>()(Empty),
  renameTag: method<{ updated: number }>()(z.object({ from: z.string().min(1).max(100), to: z.string().min(1).max(100) }).strict()),

  exportPdf: method<ExportedFile>()(PdfExportRequestSchema),
  exportMarkdown: method<ExportedFile>()(z.object({ ids: z.array(Id).max(EXPORT_MAX_ARTICLES), fileNameLang: FileNameLang.optional() }).strict()),
  /** Every matching article's id (capped), so "export the search results" takes all of them, not the pages loaded. */
  searchIds: method<SearchIds>()(SearchIdsRequestSchema),

  getSettings: method<Settings>()(Empty),
  updateSettings: method<Settings>()(SettingsPatchSchema),

  revealInFolder: method<null>()(z.object({ id: Id }).strict()),
  openLibraryDialog: method<AppInfo | null>()(Empty),
  /** Electron only (drag-and-drop of a folder); the web bridge refuses it with 'unsupported'. */
  openLibraryPath: method<AppInfo>()(z.object({ path: z.string().min(1).max(4096) }).strict()),

  /** Hand edits of metadata, kept in `.folio/metadata-edits.json`; each answers the article as it is now. */
  editMetadata: method<Article>()(z.object({ id: Id, lang: LangSchema.optional(), patch: MetadataEditSchema }).strict()),
  resetMetadata: method<Article>()(z.object({ id: Id }).strict()),
  pairArticles: method<Article>()(z.object({ id: Id, other: Id }).strict()),
  unpairArticle: method<Article>()(z.object({ id: Id }).strict()),
} as const;

/** Every method name, in a fixed order (preload and bridge wrap exactly these). */
export type ApiMethod = keyof typeof API;
export const API_METHODS = Object.keys(API) as ApiMethod[];

/** What the caller sends for method M. */
export type ApiRequest<M extends ApiMethod> = z.input<(typeof API)[M]['request']>;
/** What a handler receives for method M, after validation. */
export type ApiParsedRequest<M extends ApiMethod> = z.output<(typeof API)[M]['request']>;
/** What method M answers. */
export type ApiResponse<M extends ApiMethod> = (typeof API)[M]['response'];

/** The renderer's view of the API: one Promise-returning method per request. */
export type FolioApi = { [M in ApiMethod]: (req: ApiRequest<M>) => Promise<Result<ApiResponse<M>>> };

/** Events main pushes to the renderer (over IPC, or Server-Sent Events on the web bridge). */
export interface FolioEventMap {
  scanProgress: ScanProgress;
  libraryChanged: { added: string[]; changed: string[]; removed: string[] };
  annotationsChanged: { articleIds: string[] };
  libraryOpened: { libraryRoot: string };
  /** Articles typeset so far during a PDF export (batches show a progress bar). */
  exportProgress: { done: number; total: number };
}
export type FolioEventName = keyof FolioEventMap;
export const EVENT_NAMES: readonly FolioEventName[] = ['scanProgress', 'libraryChanged', 'annotationsChanged', 'libraryOpened', 'exportProgress'];

/** One pushed event. */
export type FolioEvent = { [E in FolioEventName]: { name: E; payload: FolioEventMap[E] } }[FolioEventName];

/** The IPC channel for a method (prefix keeps Folio's channels apart from anything else). */
export function ipcChannel(m: ApiMethod): string {
  return `folio:${m}`;
}
export const IPC_EVENT_CHANNEL = 'folio:event';

/** Type guard: is `name` one of the API's methods? */
export function isApiMethod(name: string): name is ApiMethod {
  return Object.prototype.hasOwnProperty.call(API, name);
}
