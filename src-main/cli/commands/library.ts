/** `folio index`, `folio list`, `folio show`: the library as the CLI sees it. */
import { call } from '../../api/dispatch';
import { pickVersion } from '../../api/handlers';
import type { Article, ArticleVersion } from '../../shared/types';
import { CliError, pad, printJson, printLines, printText } from '../output';
import { flag, str, type Command } from '../command';
import { openForCli } from '../open-session';

export const indexCommand: Command = {
  name: 'index',
  usage: 'folio index <library> [--data DIR] [--json]',
  options: {},
  async run(args) {
    const { session } = await openForCli(args, { search: true });
    await session.searchReady;
    const status = session.library.status();
    const skipped = status.skipped;
    if (flag(args, 'json')) {
      printJson({ articles: status.articleCount, pairs: status.pairCount, skipped });
    } else {
      printLines([
        `${status.articleCount} articles (${status.pairCount} translation pairs) in ${status.root}`,
        `${skipped.length} skipped${skipped.length ? ':' : ''}`,
        ...skipped.map((s) => `  ${s.path} — ${s.message}`),
      ]);
    }
    await session.close();
  },
};

export const listCommand: Command = {
  name: 'list',
  usage: 'folio list <library> [--data DIR] [--json]',
  options: {},
  async run(args) {
    const { session, handlers } = await openForCli(args);
    const rows = await call(handlers, 'listArticles', {});
    if (flag(args, 'json')) printJson(rows.map(({ id, title, langs, date, path, source, author, tags, annotationCount }) => ({ id, title, langs, date, path, source, author, tags, annotationCount })));
    else printLines(rows.map((r) => `${pad(r.id, 18)} ${pad(r.langs.join('+'), 6)} ${pad(r.date?.slice(0, 10) ?? '', 11)} ${pad(r.title, 60)} ${r.path}`));
    await session.close();
  },
};

function versionJson(v: ArticleVersion) {
  return {
    lang: v.lang,
    title: v.title,
    date: v.date,
    author: v.author,
    source: v.source,
    tags: v.tags,
    path: v.path,
    encoding: v.encoding,
    captions: v.captions,
    paragraphs: v.paragraphs.map((p) => p.text),
  };
}

/** Finds an article by id or by its path relative to the library. */
function findArticle(articles: Article[], key: string): Article | undefined {
  const norm = key.replace(/\\/g, '/').replace(/^\.\//, '');
  return articles.find((a) => a.id === key || a.versions.some((v) => v.fileId === key || v.path === norm));
}

export const showCommand: Command = {
  name: 'show',
  usage: 'folio show <library> <id-or-path> [--lang vi|en] [--raw] [--explain] [--data DIR] [--json]',
  options: { raw: { type: 'boolean' }, lang: { type: 'string' }, explain: { type: 'boolean' } },
  async run(args) {
    const key = args.positionals[1];
    if (!key) throw new CliError('missing <id-or-path> argument');
    const { session } = await openForCli(args, { only: [key] });
    const article = findArticle(session.library.articles(), key);
    if (!article) throw new CliError(`no article with id or path ${key}`);
    const lang = str(args, 'lang');
    if (lang && lang !== 'vi' && lang !== 'en') throw new CliError(`invalid --lang: ${lang} (vi or en)`);
    const versions = lang === 'vi' || lang === 'en' ? [pickVersion(article, lang)] : article.versions;
    if (flag(args, 'explain')) {
      // The extraction rules load the HTML parsers: only for --explain.
      const { explainVersion, formatDecisions } = await import('../../core/library/explain');
      // Which lines the cleanup dropped (or took as title, date, byline…) and by which rule.
      const explained = await Promise.all(versions.map(async (v) => ({ v, decisions: explainVersion(await session.library.rawText(article.id, v.lang), v) })));
      if (flag(args, 'json')) {
        printJson({ id: article.id, versions: explained.map(({ v, decisions }) => ({ lang: v.lang, path: v.path, title: v.title, date: v.date, author: v.author, decisions })) });
      } else {
        const out: string[] = [];
        for (const { v, decisions } of explained) {
          const dropped = decisions.filter((d) => d.action !== 'keep' && d.action !== 'caption').length;
          out.push(`# ${v.title}`, `${v.path} (${v.lang}): ${decisions.length} lines, ${dropped} dropped or taken as metadata`, ...formatDecisions(decisions), '');
        }
        printLines(out);
      }
    } else if (flag(args, 'raw')) {
      const texts = await Promise.all(versions.map(async (v) => ({ lang: v.lang, path: v.path, text: await session.library.rawText(article.id, v.lang) })));
      if (flag(args, 'json')) printJson({ id: article.id, raw: texts });
      else printText(texts.map((t) => t.text).join('\n\n-----\n\n') + '\n');
    } else if (flag(args, 'json')) {
      const [main, ...rest] = versions.map(versionJson);
      printJson({ id: article.id, ...main, translation: rest[0] ?? null });
    } else {
      const out: string[] = [];
      for (const v of versions) {
        out.push(`# ${v.title}`, [v.date, v.author, v.source, `${v.lang}`, v.path].filter(Boolean).join(' · '), '');
        for (const p of v.paragraphs) out.push(p.text, '');
      }
      printLines(out);
    }
    await session.close();
  },
};
