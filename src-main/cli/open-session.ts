/** Opens a session for a one-shot CLI command (no watcher), with a progress bar on a TTY. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { FolioSession } from '../core/session';
import { defaultStateDir } from '../core/settings/user-data';
import { createHandlers } from '../api/handlers';
import type { Handlers } from '../api/dispatch';
import { CliError, printError, progressBar } from './output';
import { folioVersion } from './version';
import { str, type CommandArgs } from './command';

/** Resolves and checks the library folder argument. */
export async function libraryArg(arg: string | undefined): Promise<string> {
  if (!arg) throw new CliError('missing <library> folder argument (see folio --help)');
  const root = path.resolve(arg);
  const s = await stat(root).catch(() => null);
  if (!s) throw new CliError(`library folder not found: ${root}`);
  if (!s.isDirectory()) throw new CliError(`not a folder: ${root}`);
  return root;
}

/**
 * Opens the library named by the first positional, honouring `--data`. Without `--data`, the
 * bundled sample library keeps its state in the user-data folder (never in the app's resources),
 * any other library in `<library>/.folio/`. With `only`, the library is opened from its cache's
 * summary (the state of the last full open) and only the files of these articles are checked;
 * `only: []` checks none (`search` checks its hits itself).
 */
export async function openForCli(
  args: CommandArgs,
  opts: { search?: boolean; watch?: boolean; only?: readonly string[] } = {},
): Promise<{ session: FolioSession; handlers: Handlers }> {
  const root = await libraryArg(args.positionals[0]);
  const bar = progressBar('Scanning');
  const session = await FolioSession.open(
    { libraryRoot: root, dataDir: str(args, 'data') ?? defaultStateDir(root), watch: opts.watch ?? false, search: opts.search ?? false, trustCache: opts.only !== undefined, reconcileBehind: opts.watch === true },
    (p) => bar.update(p.done, p.total),
  );
  bar.done();
  // A command about a few articles trusts the cache's summary and checks only their files.
  if (opts.only?.length) await session.verifyArticles(opts.only);
  if (session.annotationReport.message) printError(session.annotationReport.message.en);
  const handlers = createHandlers(() => session, { transport: 'web', version: folioVersion() });
  return { session, handlers };
}
