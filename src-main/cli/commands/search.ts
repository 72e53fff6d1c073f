/** `folio search <library> <query>`: Vietnamese-aware search from the command line. */
import { call } from '../../api/dispatch';
import { CliError, printJson, printLines } from '../output';
import { flag, str, type Command } from '../command';
import { openForCli } from '../open-session';

/** Marks ranges in a snippet with «…» for the terminal. */
export function markRanges(text: string, ranges: Array<[number, number]>): string {
  let out = '';
  let at = 0;
  for (const [s, e] of [...ranges].sort((a, b) => a[0] - b[0])) {
    if (s < at) continue;
    out += `${text.slice(at, s)}«${text.slice(s, e)}»`;
    at = e;
  }
  return out + text.slice(at);
}

export const searchCommand: Command = {
  name: 'search',
  usage: 'folio search <library> <query> [--lang vi|en] [--limit N] [--offset N] [--data DIR] [--json]',
  options: { lang: { type: 'string' }, limit: { type: 'string' }, offset: { type: 'string' } },
  async run(args) {
    const query = args.positionals.slice(1).join(' ');
    if (!query.trim()) throw new CliError('missing <query> argument');
    const lang = str(args, 'lang');
    if (lang !== undefined && lang !== 'vi' && lang !== 'en') throw new CliError(`invalid --lang: ${lang} (vi or en)`);
    const limit = Number(str(args, 'limit') ?? '20');
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw new CliError('invalid --limit (1–500)');
    const offset = Number(str(args, 'offset') ?? '0');
    if (!Number.isInteger(offset) || offset < 0) throw new CliError('invalid --offset (0 or more)');
    const { session, handlers } = await openForCli(args, { search: true, only: [] });
    const request = { query, limit, offset, prefix: false, filters: lang ? { lang } : undefined };
    let { hits, total } = await call(handlers, 'searchPage', request);
    // The library was opened from its cache's summary: the files of the hits shown are checked,
    // and a changed one is read again and the search run again on the updated index.
    if (await session.verifyArticles(hits.map((h) => h.id))) ({ hits, total } = await call(handlers, 'searchPage', request));
    if (flag(args, 'json')) {
      printJson(hits.map((h) => ({ id: h.id, title: h.title, date: h.date, lang: h.lang, score: h.score, snippets: h.snippets.map((s) => ({ text: s.text, ranges: s.ranges, paragraph: s.paragraph })) })));
    } else if (!hits.length) {
      printLines([`No results for ${query}`]);
    } else {
      printLines([
        `${offset + 1}–${offset + hits.length} of ${total}`,
        '',
        ...hits.flatMap((h) => [`${h.id}  ${h.title}  (${h.lang}, score ${h.score.toFixed(2)})`, ...h.snippets.map((s) => `    ${s.via ? `[${s.via}] ` : ''}${markRanges(s.text, s.ranges)}`), '']),
      ]);
    }
    await session.close();
  },
};
