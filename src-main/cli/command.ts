/** The shape of a `folio` subcommand and the options every command shares. */
import type { ParseArgsConfig } from 'node:util';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

/** Parsed arguments handed to a command. */
export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | Array<string | boolean> | undefined>;
}

/** A subcommand's parser and behaviour, loaded only when it runs (keeps `folio --help` fast). */
export interface Command {
  name: string;
  usage: string;
  options: OptionSpec;
  run(args: CommandArgs): Promise<void>;
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionSpec = {
  json: { type: 'boolean' },
  data: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};

/** A string option's value, or undefined. */
export function str(args: CommandArgs, name: string): string | undefined {
  const v = args.values[name];
  return typeof v === 'string' ? v : undefined;
}

/** A boolean option's value. */
export function flag(args: CommandArgs, name: string): boolean {
  return args.values[name] === true;
}

/** The help-table entry of a command and how to load it. */
export interface CommandEntry {
  name: string;
  summary: string;
  load(): Promise<Command>;
}
