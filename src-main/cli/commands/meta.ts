/** `folio meta`: fix an article's metadata by hand (kept in .folio/metadata-edits.json, never in the file). */
import { MetadataEditSchema, type MetadataEdit } from '../../core/library/metadata-edits';
import type { Lang } from '../../shared/types';
import { CliError, printJson, printLines } from '../output';
import { flag, str, type Command } from '../command';
import { openForCli } from '../open-session';

const FIELDS = ['title', 'date', 'author', 'source', 'lang', 'tags'] as const;

/** The patch described by the options; an empty string clears author, source or date. */
function patchOf(values: Record<string, string | undefined>): MetadataEdit {
  const raw: Record<string, unknown> = {};
  for (const f of FIELDS) {
    const v = values[f];
    if (v === undefined) continue;
    if (f === 'tags') raw.tags = v.split(',').map((t) => t.trim()).filter(Boolean);
    else if ((f === 'author' || f === 'source' || f === 'date') && v.trim() === '') raw[f] = null;
    else raw[f] = v;
  }
  const parsed = MetadataEditSchema.safeParse(raw);
  if (!parsed.success) throw new CliError(`invalid metadata: ${parsed.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return parsed.data;
}

export const metaCommand: Command = {
  name: 'meta',
  usage: 'folio meta <library> <id-or-path> [--title T] [--date YYYY-MM-DD[THH:MM]] [--author A] [--source S] [--lang vi|en] [--tags a,b] [--version vi|en] [--pair ID] [--unpair] [--reset] [--data DIR] [--json]',
  options: {
    title: { type: 'string' }, date: { type: 'string' }, author: { type: 'string' }, source: { type: 'string' },
    lang: { type: 'string' }, tags: { type: 'string' }, version: { type: 'string' }, pair: { type: 'string' },
    unpair: { type: 'boolean' }, reset: { type: 'boolean' },
  },
  async run(args) {
    const key = args.positionals[1];
    if (!key) throw new CliError('missing <id-or-path> argument');
    const versionLang = str(args, 'version');
    if (versionLang !== undefined && versionLang !== 'vi' && versionLang !== 'en') throw new CliError(`invalid --version: ${versionLang} (vi or en)`);
    const patch = patchOf(Object.fromEntries(FIELDS.map((f) => [f, str(args, f)])));
    const { session } = await openForCli(args);
    try {
      const lib = session.library;
      const norm = key.replace(/\\/g, '/').replace(/^\.\//, '');
      const article = lib.get(key) ?? lib.get(norm);
      if (!article) throw new CliError(`no article with id or path ${key}`);
      const pairWith = str(args, 'pair');
      if (flag(args, 'reset')) await session.applyMetadataEdit((l) => l.resetMetadata(article.id));
      if (flag(args, 'unpair')) await session.applyMetadataEdit((l) => l.unpairArticle(article.id));
      if (pairWith !== undefined) {
        const other = lib.get(pairWith) ?? lib.get(pairWith.replace(/\\/g, '/').replace(/^\.\//, ''));
        if (!other) throw new CliError(`no article with id or path ${pairWith}`);
        await session.applyMetadataEdit((l) => l.pairArticles(article.id, other.id));
      }
      if (Object.keys(patch).length) await session.applyMetadataEdit((l) => l.editMetadata(article.id, patch, versionLang as Lang | undefined));
      const now = lib.get(article.versions[0]!.fileId) ?? article;
      const rows = now.versions.map((v) => ({ lang: v.lang, path: v.path, title: v.title, date: v.date, author: v.author, source: v.source, tags: v.tags }));
      if (flag(args, 'json')) printJson({ id: now.id, versions: rows });
      else printLines(rows.flatMap((r) => [`# ${r.title}`, [r.date, r.author, r.source, r.lang, r.path, r.tags.join(', ')].filter(Boolean).join(' · ')]));
    } finally {
      await session.close();
    }
  },
};
