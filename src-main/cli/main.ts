/**
 * `folio`: the command-line interface over Folio's core. Every subcommand shares the conventions:
 * `--json` prints machine-readable output on stdout, human text otherwise; errors print one line on
 * stderr and exit with code 1; `--data DIR` keeps Folio's state in DIR instead of `<library>/.folio/`.
 */
import { parseArgs } from 'node:util';
import { COMMON_OPTIONS, type Command } from './command';
import { CliError, errorLine } from './output';
import { folioVersion } from './version';
import { serveCommand } from './commands/serve';
import { indexCommand, listCommand, showCommand } from './commands/library';
import { searchCommand } from './commands/search';
import { annotateCommand, annotationsCommand, importCommand } from './commands/annotations';
import { exportCommand } from './commands/export';

const COMMANDS: Command[] = [
  serveCommand,
  indexCommand,
  listCommand,
  showCommand,
  searchCommand,
  annotateCommand,
  annotationsCommand,
  exportCommand,
  importCommand,
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
    '  --data DIR    keep Folio state (index, annotations) in DIR (default <library>/.folio/)',
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
  const command = COMMANDS.find((c) => c.name === first);
  try {
    if (!command) throw new CliError(`unknown command: ${first} (see folio --help)`);
    let parsed;
    try {
      parsed = parseArgs({ args: rest, options: { ...COMMON_OPTIONS, ...command.options }, allowPositionals: true, strict: true });
    } catch (err) {
      throw new CliError(`${err instanceof Error ? err.message.split('\n')[0] : String(err)} (usage: ${command.usage.split('\n')[0]})`);
    }
    if (parsed.values.help) {
      process.stdout.write(`${command.summary}\n\nUsage: ${command.usage}\n`);
      return 0;
    }
    await command.run({ positionals: parsed.positionals, values: parsed.values });
    return 0;
  } catch (err) {
    process.stderr.write(`folio: ${errorLine(err)}\n`);
    return 1;
  }
}
