/** `folio export`: annotated PDF, Markdown notes, or W3C Web Annotation JSON-LD. */
import { writeFile } from 'node:fs/promises';
import { buildMarkdown, buildPdf } from '../../core/export/export-files';
import { prewarmPdfExport } from '../../core/export/pdf-off-thread';
import { storedAnnotations } from '../../core/article-annotations';
import { requireArticle } from '../../api/handlers';
import { toW3C } from '../../core/annotations/w3c';
import { CliError, printJson, printLines, progressBar } from '../output';
import { flag, str, type Command } from '../command';
import { openForCli } from '../open-session';

export const exportCommand: Command = {
  name: 'export',
  usage: 'folio export <library> <id>... --pdf FILE [--lang vi|en|both] [--paper a4|letter] [--layout side-by-side|interleaved] [--flatten-highlights]\n       folio export <library> [<id>...] --md FILE | --w3c FILE',
  options: {
    pdf: { type: 'string' },
    md: { type: 'string' },
    w3c: { type: 'string' },
    lang: { type: 'string' },
    paper: { type: 'string' },
    layout: { type: 'string' },
    'flatten-highlights': { type: 'boolean' },
  },
  async run(args) {
    const ids = args.positionals.slice(1);
    const pdf = str(args, 'pdf');
    const md = str(args, 'md');
    const w3c = str(args, 'w3c');
    if ([pdf, md, w3c].filter(Boolean).length !== 1) throw new CliError('choose one of --pdf FILE, --md FILE, --w3c FILE');
    const lang = str(args, 'lang') ?? 'both';
    if (lang !== 'vi' && lang !== 'en' && lang !== 'both') throw new CliError(`invalid --lang: ${lang} (vi, en or both)`);
    const paper = str(args, 'paper') ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter') throw new CliError(`invalid --paper: ${paper} (a4 or letter)`);
    const layout = str(args, 'layout') ?? 'side-by-side';
    if (layout !== 'side-by-side' && layout !== 'interleaved') throw new CliError(`invalid --layout: ${layout}`);
    if (pdf && !ids.length) throw new CliError('name at least one article <id> to export as PDF (see folio list)');

    // The PDF worker loads its libraries and fonts while this thread opens the library.
    if (pdf) prewarmPdfExport();
    // Named articles: only their files are checked; the W3C export of everything opens it all.
    const { session } = await openForCli(args, ids.length ? { only: ids } : {});
    try {
      for (const id of ids) requireArticle(session, id);
      let out: string;
      if (pdf) {
        const bar = progressBar('Exporting');
        const { bytes } = await buildPdf(session, { ids, lang, paper, layout, flattenHighlights: flag(args, 'flatten-highlights'), onProgress: (d, t) => bar.update(d, t) });
        bar.done();
        await writeFile(pdf, bytes);
        out = pdf;
      } else if (md) {
        await writeFile(md, await buildMarkdown(session, ids), 'utf8');
        out = md;
      } else {
        const articles = ids.length ? ids.map((id) => requireArticle(session, id)) : session.library.articles();
        const annotations = articles.flatMap((a) => storedAnnotations(session.annotations, a));
        const doc = toW3C(annotations, (a) => `folio:article/${a.articleId}/${a.lang}`);
        await writeFile(w3c as string, JSON.stringify(doc, null, 2), 'utf8');
        out = w3c as string;
      }
      if (flag(args, 'json')) printJson({ file: out, articles: ids.length || session.library.articles().length });
      else printLines([`Wrote ${out}`]);
    } finally {
      await session.close();
    }
  },
};
