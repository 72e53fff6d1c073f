/**
 * Folio's library core: scan a folder of .txt/.md/.html articles into `Article`s.
 * See `Library` for the main entry point; the pure pieces are exported for tests and tools.
 */
export { Library, type LibraryOptions, type LibraryChange, type ParseMode } from './library';
export { ParsePool, parseBudgetMs, parseWorkerLocation, type ParsePoolOptions } from './parse-pool';
export { readArticleFile, readParsedFile, formatOf, langFromPath, looksBinary, DEFAULT_MAX_FILE_BYTES, type ParsedFile, type ReadOptions } from './read-file';
export { decode, detectEncoding, encode, DecodeError, type TextEncodingName } from './encoding/decode';
export { decodeVni, encodeVni } from './encoding/vni';
export { parseScrapedText, type ScrapedArticle, type ScrapedOptions } from './parse/scraped-text';
export { parseMarkdown, type MarkdownDocument, type FrontMatter } from './parse/markdown';
export { parseHtml, type HtmlDocument } from './parse/html';
export { detectLanguage } from './parse/language';
export { parseVietnameseDate, isDateLine } from './parse/vietnamese-date';
export { pairVersions, type PairInput } from './pairing';
export { findFurniture, removeFurniture } from './furniture';
export { resolveInside, OutsideLibraryError } from './safe-path';
