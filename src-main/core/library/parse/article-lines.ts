/**
 * Decide, line by line, what of a page is the article: recover the headline, date, byline and
 * source, and drop site furniture by line shape and position, never by one site's strings.
 * Every decision carries the name of the rule that made it, so `folio show --explain` can say
 * why a line was dropped. Pure: scraped text and saved HTML blocks both run through it.
 */
import { matchDateLine, parseVietnameseDate, splitTitleTimestamp } from './vietnamese-date';
import { endsLikeSentence, isAllCaps, isBodyLike, isTitleLike, lineKey, wordCount } from './line-shape';
import {
  isBackLink, isCaptionLine, isCommentHeader, isFooterLine, isFormLine, isLanguageSwitcher, isLinkRow, isMenuLine,
  isNewsletterLine, isRelatedHeading, isStrongFooter, isTagsLine, isViewCounter, isWidgetLine, matchByline,
  matchBylineSource, matchSource,
} from './boilerplate';

/** What happened to a line: kept as body or caption, taken as metadata, or dropped. */
export type LineAction = 'keep' | 'caption' | 'title' | 'date' | 'author' | 'source' | 'drop';

/** One line's fate and the rule that decided it (`body` for lines kept by default). */
export interface LineDecision {
  index: number;
  text: string;
  action: LineAction;
  rule: string;
}

/** Metadata and decisions for the lines of one page. */
export interface CleanedLines {
  title: string | null;
  date: string | null;
  author: string | null;
  source: string | null;
  decisions: LineDecision[];
}

/** Options of `cleanArticleLines`. */
export interface CleanOptions {
  /** `lineKey`s of lines repeated across the site's pages (dropped as `site-furniture`). */
  furniture?: ReadonlySet<string>;
  /** The headline when metadata already gave it (saved HTML): no headline is guessed. */
  knownTitle?: string | null;
  /**
   * Lines before the headline that are not sentence-shaped are the site's header (its name,
   * a section label). True for scraped text; saved HTML has its header cut off already.
   */
  dropHeader?: boolean;
  /** Block kinds of the lines (saved HTML), used to spot breadcrumbs made of list items. */
  kinds?: readonly string[];
}

/** Longest title we accept before deriving one from a sentence instead. */
const MAX_TITLE = 200;
/** How many lines after the last body line may hold the byline when no article end was found. */
const BYLINE_WINDOW = 3;

/** Line-local furniture rules, valid anywhere in a page, in the order they are tried. */
const LOCAL_RULES: ReadonlyArray<[string, (line: string) => boolean]> = [
  ['language-switcher', isLanguageSwitcher],
  ['view-counter', isViewCounter],
  ['link-row', isLinkRow],
  ['tags', isTagsLine],
  ['back-link', isBackLink],
  ['comment-header', isCommentHeader],
  ['menu', isMenuLine],
  ['widget', isWidgetLine],
  ['comment-form', isFormLine],
  ['newsletter', isNewsletterLine],
  ['copyright', isStrongFooter],
];

/** Decide the fate of each line of a page (NFC lines, one paragraph each). */
export function cleanArticleLines(lines: readonly string[], opts: CleanOptions = {}): CleanedLines {
  const page = new Page(lines);
  const furniture = opts.furniture;
  if (furniture?.size) page.lines.forEach((l, i) => { if (furniture.has(page.keys[i] ?? '')) page.set(i, 'drop', 'site-furniture'); });
  page.localRules(!opts.kinds);
  if (opts.kinds) page.breadcrumbs(opts.kinds);
  page.relatedLists();
  if (opts.knownTitle !== undefined) page.knownTitle(opts.knownTitle, opts.kinds);
  else page.findTitle();
  page.head(opts.dropHeader ?? opts.knownTitle === undefined);
  page.articleEnd(!opts.kinds);
  page.inlineSources();
  page.dateFallback();
  return { title: page.title, date: page.date, author: page.author, source: page.source, decisions: page.decisions() };
}

/** Mutable state of one run over a page's lines. */
class Page {
  readonly lines: readonly string[];
  /** Comparison keys, computed once: the rules compare lines many times. */
  readonly keys: string[];
  private readonly action: LineAction[];
  private readonly rule: string[];
  /** `isBodyLike` of each line, computed once: the rules ask it many times (pages may have 100 000 lines). */
  private readonly body: boolean[];
  title: string | null = null;
  date: string | null = null;
  author: string | null = null;
  source: string | null = null;
  private titleIndex = -1;

  constructor(lines: readonly string[]) {
    this.lines = lines;
    this.keys = lines.map(lineKey);
    this.action = lines.map(() => 'keep');
    this.rule = lines.map(() => 'body');
    this.body = lines.map(isBodyLike);
  }

  set(i: number, action: LineAction, rule: string): void {
    this.action[i] = action;
    this.rule[i] = rule;
  }

  private kept(i: number): boolean {
    return this.action[i] === 'keep';
  }

  private line(i: number): string {
    return this.lines[i] ?? '';
  }

  decisions(): LineDecision[] {
    return this.lines.map((text, index) => ({ index, text, action: this.action[index] ?? 'keep', rule: this.rule[index] ?? 'body' }));
  }

  /** Date lines, widgets, forms, captions and (`repeats`) doubled captions, wherever they are. */
  localRules(repeats: boolean): void {
    const firstBody = this.body.indexOf(true);
    this.lines.forEach((line, i) => {
      if (!this.kept(i)) return;
      const dl = matchDateLine(line);
      if (dl) {
        const first = this.date === null;
        this.date ??= dl.date;
        if (dl.author && !this.author) { this.author = dl.author; this.set(i, 'author', 'date-byline'); }
        else this.set(i, first ? 'date' : 'drop', 'date-line');
        return;
      }
      const hit = LOCAL_RULES.find(([, test]) => test(line));
      if (hit) this.set(i, 'drop', hit[0]);
      else if (isCaptionLine(line)) this.set(i, 'caption', 'caption');
      // A short line repeated at once is a photo caption rendered twice (alt text + caption), in
      // scraped text; saved HTML keeps its markup, so repeated blocks there are the author's.
      if (repeats && i > 0 && this.keys[i] === this.keys[i - 1] && this.action[i] !== 'drop') {
        this.set(i, 'drop', 'repeated-line');
        if (this.kept(i - 1) && line.length <= 300 && firstBody >= 0 && i - 1 > firstBody) this.set(i - 1, 'caption', 'repeated-caption');
      }
    });
  }

  /** Saved HTML: a run of two or more short list items before the first paragraph is a breadcrumb. */
  breadcrumbs(kinds: readonly string[]): void {
    const b0 = this.firstBody();
    for (let i = 0; i < (b0 < 0 ? this.lines.length : b0); i++) {
      let k = i;
      while (k < this.lines.length && kinds[k] === 'list-item' && wordCount(this.line(k)) <= 4 && !endsLikeSentence(this.line(k))) k++;
      if (k - i >= 2) for (let j = i; j < k; j++) this.set(j, 'drop', 'breadcrumb');
      i = Math.max(i, k);
    }
  }

  /** "Tin liên quan" / "Related stories" and the run of headline-like lines that follows it. */
  relatedLists(): void {
    for (let i = 0; i < this.lines.length; i++) {
      if (!this.kept(i) || !isRelatedHeading(this.line(i))) continue;
      this.set(i, 'drop', 'related-list');
      for (let k = i + 1; k < this.lines.length; k++) {
        const l = this.line(k);
        if (this.action[k] === 'drop') continue;
        if (this.body[k] || isFooterLine(l) || (!isTitleLike(l) && !isCaptionLine(l))) break;
        this.set(k, 'drop', 'related-list');
      }
    }
  }

  firstBody(): number {
    return this.lines.findIndex((_, i) => this.kept(i) && this.body[i]);
  }

  lastBody(): number {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.kept(i) && this.body[i]) return i;
    return -1;
  }

  /** Metadata gave the headline: lines repeating it are dropped, nothing else is guessed. */
  knownTitle(title: string | null, kinds?: readonly string[]): void {
    this.title = title;
    if (!title) return;
    const key = lineKey(title);
    this.keys.forEach((k, i) => {
      // In saved HTML only a heading repeats the headline; a paragraph equal to it is the text.
      if (k === key && this.action[i] !== 'drop' && (!kinds || kinds[i] === 'heading')) { this.set(i, 'title', 'title'); if (this.titleIndex < 0) this.titleIndex = i; }
    });
  }

  /**
   * The headline: in the lines before the first paragraph, the first of five words or more that
   * is not a byline and not a banner in capitals (a portal's name), else the longest short line.
   */
  findTitle(): void {
    const b0 = this.firstBody();
    const headEnd = b0 < 0 ? Math.min(this.lines.length, 3) : b0;
    const head = range(0, headEnd).filter((i) => this.kept(i));
    const candidate = (i: number): boolean => wordCount(this.line(i)) >= 5 && this.line(i).length <= MAX_TITLE && !matchByline(this.line(i));
    let t = head.find((i) => candidate(i) && !isAllCaps(this.line(i))) ?? head.find(candidate) ??
      longest(head.filter((i) => wordCount(this.line(i)) >= 2 && !matchByline(this.line(i))), this.lines) ?? -1;
    if (t < 0) {
      const first = range(0, this.lines.length).find((i) => this.kept(i));
      const line = first === undefined ? '' : this.line(first);
      if (first !== undefined && line.length <= MAX_TITLE && !/[.;,]$/.test(line)) t = first;
      else { this.title = deriveTitle(line); return; }
    }
    this.titleIndex = t;
    const stamped = splitTitleTimestamp(this.line(t));
    if (stamped) {
      this.title = stripQuotes(stamped.title);
      this.date ??= stamped.date;
      this.set(t, 'title', 'title-timestamp');
    } else {
      this.title = stripQuotes(this.line(t));
      this.set(t, 'title', 'title');
    }
    const key = this.keys[t];
    this.keys.forEach((k, i) => { if (k === key && i !== t) this.set(i, 'drop', 'title-repeated'); });
  }

  /** Site header before the headline; byline and source lines right after it. */
  head(dropHeader: boolean): void {
    const b0 = this.firstBody();
    const end = b0 < 0 ? Math.min(this.lines.length, 3) : b0;
    for (let i = 0; i < end; i++) {
      if (!this.kept(i)) continue;
      const line = this.line(i);
      if (this.titleIndex >= 0 && i < this.titleIndex) {
        if (dropHeader && !this.body[i]) this.set(i, 'drop', 'site-header');
        continue;
      }
      const src = matchSource(line);
      const by = wordCount(line) <= 8 ? matchByline(line) : null;
      if (src) { this.source ??= src; this.set(i, 'source', 'source-line'); }
      else if (by) { this.takeByline(i, by, 'byline'); }
    }
  }

  private takeByline(i: number, name: string, rule: string): void {
    if (this.author) { this.set(i, 'drop', rule); return; }
    this.author = name;
    this.source ??= matchBylineSource(this.line(i));
    this.set(i, 'author', rule);
  }

  /**
   * The end of the article (`headlineRuns`: short headline-like lines after it are a list of
   * other articles, true for scraped text). A page's tail (byline, tags, share and "back to" links, comment box,
   * related headlines, footer) is judged as a whole: from the first line that opens it, the rest
   * of the page must be mostly furniture. So one sentence-shaped line in it (a reader's comment,
   * a "please cite the source" notice, a related headline ending in "?") no longer hides the
   * furniture above it, as it did when the last sentence-shaped line was taken as the end.
   */
  articleEnd(headlineRuns: boolean): void {
    const b0 = this.firstBody();
    if (b0 < 0) return;
    const n = this.lines.length;
    // Suffix counts of body and furniture lines, and the next line that is not a caption: linear.
    const bodyAfter = new Int32Array(n + 1);
    const junkAfter = new Int32Array(n + 1);
    const nextLine = new Int32Array(n + 1).fill(-1);
    for (let k = n - 1; k >= 0; k--) {
      const skip = this.action[k] === 'caption' || this.action[k] === 'title';
      const isBody = !skip && this.kept(k) && this.body[k];
      bodyAfter[k] = (bodyAfter[k + 1] ?? 0) + (isBody ? 1 : 0);
      junkAfter[k] = (junkAfter[k + 1] ?? 0) + (!skip && !isBody ? 1 : 0);
      nextLine[k] = this.action[k + 1] === 'caption' ? nextLine[k + 1] ?? -1 : k + 1 < n ? k + 1 : -1;
    }
    for (let i = b0 + 1; i < n; i++) {
      if (!this.opensTail(i, nextLine[i] ?? -1)) continue;
      const body = bodyAfter[i] ?? 0;
      const junk = junkAfter[i] ?? 0;
      if (body === 0 || (body <= 2 && junk >= 3 * body + 2)) { this.dropTail(i); return; }
    }
    this.tailWithoutEnd(headlineRuns);
  }

  /** A line that may open the tail: furniture found by a rule, or a byline or source line. */
  private opensTail(i: number, next: number): boolean {
    const line = this.line(i);
    if (this.action[i] === 'drop') return this.rule[i] !== 'repeated-line' && this.rule[i] !== 'title-repeated';
    if (!this.kept(i) || this.body[i]) return false;
    if (isFooterLine(line) || isRelatedHeading(line)) return true;
    const agency = isAllCaps(line) && wordCount(line) <= 4; // "VNS", "TTXVN": an agency's signature
    if (!agency && !matchByline(line) && !matchSource(line)) return false;
    // A byline is followed by furniture or nothing; a name-shaped subheading by a paragraph.
    return next < 0 || !this.kept(next) || !this.body[next] || isFooterLine(this.line(next));
  }

  /** Drop everything from `from` on, taking the byline and source found at its top. */
  private dropTail(from: number): void {
    let top = true;
    for (let k = from; k < this.lines.length; k++) {
      const line = this.line(k);
      if (this.action[k] === 'drop') { top = false; continue; }
      if (this.action[k] === 'title' || this.action[k] === 'date' || this.action[k] === 'author') continue;
      const by = top ? matchByline(line) : null;
      const src = top ? matchSource(line) : null;
      if (src) { this.source ??= src; this.set(k, 'source', 'source-line'); }
      else if (by) this.takeByline(k, by, 'byline');
      else { top = false; this.set(k, 'drop', isFooterLine(line) ? 'footer' : 'after-article'); }
    }
  }

  /** No clear end: the byline window, the footer block and runs of headlines after the last paragraph. */
  private tailWithoutEnd(headlineRuns: boolean): void {
    const b1 = this.lastBody();
    if (b1 < 0) return;
    let footer = false;
    let seen = 0;
    for (let i = b1 + 1; i < this.lines.length; i++) {
      if (!this.kept(i)) continue;
      const line = this.line(i);
      seen++;
      const src = matchSource(line);
      const by = seen <= BYLINE_WINDOW && !footer ? matchByline(line) : null;
      if (footer || isFooterLine(line)) { footer = true; if (!this.body[i]) this.set(i, 'drop', 'footer'); }
      else if (src) { this.source ??= src; this.set(i, 'source', 'source-line'); }
      else if (by && !this.author) this.takeByline(i, by, 'byline');
      else if (isAllCaps(line) && wordCount(line) <= 6) this.set(i, 'drop', 'caps-label');
    }
    // Saved HTML marks lists as lists: short items after the last paragraph are the article's own.
    if (headlineRuns) this.tailRuns(b1 + 1);
  }

  /** After the last paragraph, a run of two or more headline-like lines is a list of other articles. */
  private tailRuns(from: number): void {
    let run: number[] = [];
    const flush = (): void => {
      if (run.length >= 2) for (const k of run) this.set(k, 'drop', 'headline-list');
      run = [];
    };
    for (let i = from; i < this.lines.length; i++) {
      if (!this.kept(i)) continue;
      const l = this.line(i);
      const shortHeading = wordCount(l) <= 6 && !endsLikeSentence(l);
      if ((isTitleLike(l) || shortHeading) && !this.body[i]) run.push(i);
      else flush();
    }
    flush();
  }

  /** Sources and bylines written inside the last body lines ("(Theo báo X)", "By Jane Roe"). */
  inlineSources(): void {
    for (let i = 0; i < this.lines.length; i++) {
      if (!this.kept(i)) continue;
      const line = this.line(i);
      if (this.body[i]) continue;
      const src = matchSource(line);
      if (src && !this.source) { this.source = src; this.set(i, 'source', 'source-line'); }
      else if (/^by\s/i.test(line) && !this.author) { const by = matchByline(line); if (by) this.takeByline(i, by, 'byline'); }
    }
  }

  /** No date line: "Ngày 12-10-2020, ..." opening one of the first paragraphs. */
  dateFallback(): void {
    if (this.date) return;
    for (const i of range(0, this.lines.length).filter((k) => this.kept(k)).slice(0, 3)) {
      const lead = this.line(i).slice(0, 40);
      if (/^(ngày|hôm|sáng|chiều|tối|trưa|on)?\s*(ngày\s*)?\d/iu.test(lead)) {
        this.date = parseVietnameseDate(lead);
        if (this.date) break;
      }
    }
  }
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) out.push(i);
  return out;
}

function longest(indices: number[], lines: readonly string[]): number | undefined {
  let best: number | undefined;
  for (const i of indices) if (best === undefined || (lines[i]?.length ?? 0) > (lines[best]?.length ?? 0)) best = i;
  return best;
}

function stripQuotes(s: string): string {
  const m = /^["“«'‘](.*)["”»'’]$/u.exec(s.trim());
  return (m?.[1] ?? s).trim();
}

/** A title from a page that has none: the first clause of its first paragraph, cut at a word. */
function deriveTitle(line: string): string {
  const sentence = /^(.{20,}?[.!?:])(\s|$)/u.exec(line)?.[1] ?? line;
  if (sentence.length <= 120) return sentence.replace(/[.:]$/, '');
  const cut = sentence.slice(0, 120);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 60)).trim()}…`;
}
