/** `folio annotate`, `folio annotations`, `folio import`: highlights and notes from the CLI. */
import { readFile } from 'node:fs/promises';
import { call } from '../../api/dispatch';
import { pickVersion, requireArticle } from '../../api/handlers';
import { anchoredAnnotations } from '../../core/article-annotations';
import { findQuote } from '../../shared/anchoring/index';
import { fromW3C } from '../../core/annotations/w3c';
import { articleText } from '../../shared/text';
import { HIGHLIGHT_COLORS, type AnchoredAnnotation, type HighlightColor } from '../../shared/types';
import { CliError, printJson, printLines } from '../output';
import { flag, str, type Command } from '../command';
import { openForCli } from '../open-session';

function parseColor(v: string | undefined): HighlightColor | undefined {
  if (v === undefined) return undefined;
  if (!(HIGHLIGHT_COLORS as readonly string[]).includes(v)) throw new CliError(`invalid --color: ${v} (${HIGHLIGHT_COLORS.join(', ')})`);
  return v as HighlightColor;
}

function describe(a: AnchoredAnnotation): string[] {
  const head = a.kind === 'note' ? `[note] ${a.id}` : `[${a.color}${a.orphaned ? ', orphaned' : ''}] ${a.id}`;
  return [
    `${head}  (${a.lang})`,
    ...(a.target ? [`  > ${a.target.quote.exact}`] : []),
    ...(a.note ? a.note.split('\n').map((l) => `  ${l}`) : []),
    ...(a.tags.length ? [`  tags: ${a.tags.join(', ')}`] : []),
  ];
}

export const annotateCommand: Command = {
  name: 'annotate',
  usage: 'folio annotate <library> <id> --quote "exact text" [--lang vi|en] [--note TEXT] [--color yellow] [--tags a,b] [--occurrence N] [--json]',
  options: {
    quote: { type: 'string' },
    lang: { type: 'string' },
    note: { type: 'string' },
    color: { type: 'string' },
    tags: { type: 'string' },
    occurrence: { type: 'string' },
  },
  async run(args) {
    const id = args.positionals[1];
    if (!id) throw new CliError('missing <id> argument');
    const quote = str(args, 'quote');
    if (!quote) throw new CliError('missing --quote "exact text"');
    const lang = str(args, 'lang');
    if (lang !== undefined && lang !== 'vi' && lang !== 'en') throw new CliError(`invalid --lang: ${lang} (vi or en)`);
    const occ = str(args, 'occurrence');
    const occurrence = occ === undefined ? undefined : Number(occ);
    if (occurrence !== undefined && (!Number.isInteger(occurrence) || occurrence < 1)) throw new CliError('invalid --occurrence (1, 2, …)');
    const color = parseColor(str(args, 'color'));
    const { session, handlers } = await openForCli(args);
    try {
      const article = requireArticle(session, id);
      const version = pickVersion(article, lang);
      const { start, end } = findQuote(articleText(version.paragraphs), quote, occurrence);
      const tags = str(args, 'tags')?.split(',').map((t) => t.trim()).filter(Boolean);
      const created = await call(handlers, 'createHighlight', { articleId: article.id, lang: version.lang, start, end, color, note: str(args, 'note'), tags });
      if (flag(args, 'json')) printJson(created);
      else printLines([`Highlighted in ${version.title}:`, ...describe(created)]);
    } finally {
      await session.close();
    }
  },
};

export const annotationsCommand: Command = {
  name: 'annotations',
  usage: 'folio annotations <library> [<id>] [--data DIR] [--json]',
  options: {},
  async run(args) {
    const id = args.positionals[1];
    const { session } = await openForCli(args, id ? { only: [id] } : {});
    try {
      const articles = id ? [requireArticle(session, id)] : session.library.articles();
      const groups: Array<{ id: string; title: string; annotations: AnchoredAnnotation[] }> = [];
      for (const article of articles) {
        const annotations = await anchoredAnnotations(session.annotations, article);
        if (annotations.length || id) groups.push({ id: article.id, title: pickVersion(article).title, annotations });
      }
      if (flag(args, 'json')) printJson(id ? (groups[0]?.annotations ?? []) : groups);
      else if (!groups.length) printLines(['No annotations yet.']);
      else printLines(groups.flatMap((g) => [`# ${g.title} (${g.id})`, ...g.annotations.flatMap(describe), '']));
    } finally {
      await session.close();
    }
  },
};

export const importCommand: Command = {
  name: 'import',
  usage: 'folio import <library> --w3c FILE [--data DIR] [--json]',
  options: { w3c: { type: 'string' } },
  async run(args) {
    const file = str(args, 'w3c');
    if (!file) throw new CliError('missing --w3c FILE');
    let json: unknown;
    try {
      json = JSON.parse(await readFile(file, 'utf8'));
    } catch (err) {
      throw new CliError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
    }
    const { annotations, errors } = fromW3C(json);
    const { session } = await openForCli(args);
    try {
      const result = await session.annotations.importAnnotations(annotations);
      let orphaned = 0;
      const touched = new Set(annotations.map((a) => a.articleId));
      for (const articleId of touched) {
        const article = session.library.get(articleId);
        if (!article) {
          orphaned += annotations.filter((a) => a.articleId === articleId).length;
          continue;
        }
        orphaned += (await anchoredAnnotations(session.annotations, article)).filter((a) => a.orphaned).length;
      }
      const summary = { ...result, orphaned, errors };
      if (flag(args, 'json')) printJson(summary);
      else printLines([`Imported ${result.added} new, ${result.updated} updated, ${result.unchanged} unchanged; ${orphaned} could not be placed in the current text.`, ...errors.map((e) => `  skipped: ${e}`)]);
    } finally {
      await session.close();
    }
  },
};

export { call };
