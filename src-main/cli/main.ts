/**
 * `folio`: the command-line interface over Folio's core. Every subcommand shares the conventions:
 * `--json` prints machine-readable output on stdout, human text otherwise; errors print one line on
 * stderr and exit with code 1; `--data DIR` keeps Folio's state in DIR instead of `<library>/.folio/`.
 */
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, type CommandEntry } from './command';
import { CliError, errorLine, printError } from './output';
import { folioVersion } from './version';
const COMMANDS: CommandEntry[] = [
  { name: 'serve', summary: 'serve the app on 127.0.0.1 for a browser (prints the URL with its token)', load: async () => (await import('./commands/serve')).serveCommand },
  { name: 'index', summary: 'scan and index a library; print counts and skipped files', load: async () => (await import('./commands/library')).indexCommand },
  { name: 'list', summary: 'list the articles: id, title, languages, date, path', load: async () => (await import('./commands/library')).listCommand },
  { name: 'show', summary: 'print an article: metadata and paragraphs (and its translation)', load: async () => (await import('./commands/library')).showCommand },
  { name: 'search', summary: 'search the library (diacritics optional, "quoted phrases")', load: async () => (await import('./commands/search')).searchCommand },
  { name: 'annotate', summary: 'highlight a quote in an article (with an optional note)', load: async () => (await import('./commands/annotations')).annotateCommand },
  { name: 'annotations', summary: 'list highlights and notes (of one article, or all)', load: async () => (await import('./commands/annotations')).annotationsCommand },
  { name: 'export', summary: 'export articles as an annotated PDF, Markdown notes, or W3C annotations', load: async () => (await import('./commands/export')).exportCommand },
  { name: 'meta', summary: 'fix an article\'s title, date, author, source, language, tags or pairing by hand', load: async () => (await import('./commands/meta')).metaCommand },
  { name: 'import', summary: 'import W3C Web Annotation JSON-LD (idempotent by id; re-anchors)', load: async () => (await import('./commands/annotations')).importCommand },
];

/** The top-level help text. */
export function helpText(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    `Folio ${folioVersion()} — offline reader and annotator for folders of articles`,
    '',
    'Usage: folio <command> <library> [options]',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Options for every command:',
    '  --json        machine-readable output on stdout',
    '  --data DIR    keep Folio state (index, annotations) in DIR (default <library>/.folio/,',
    '                or the user-data folder for the bundled sample library)',
    '  -h, --help    help for a command',
    '',
    'Global: folio --help, folio --version',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script); returns the exit code. */
export async function main(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  if (first === undefined || first === '--help' || first === '-h' || first === 'help') {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  if (first === '--version' || first === '-v') {
    process.stdout.write(`${folioVersion()}\n`);
    return 0;
  }
  const entry = COMMANDS.find((c) => c.name === first);
  try {
    if (!entry) throw new CliError(`unknown command: ${first} (see folio --help)`);
    const command = await entry.load();
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new CliError(`${err instanceof Error ? err.message.split('\n')[0] : String(err)} (usage: ${command.usage.split('\n')[0]})`);
    }
    if (parsed.values.help) {
      process.stdout.write(`${entry.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    await command.run({ positionals: parsed.positionals, values: parsed.values });
    return 0;
  } catch (err) {
    printError(errorLine(err));
    return 1;
  }
}
