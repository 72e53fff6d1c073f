// Preloaded with `--import` (through NODE_OPTIONS) to record every module a process resolves,
// one URL a line, in the file named by FOLIO_IMPORT_LOG (tests/cli/start-up-imports.test.ts).
import { register } from 'node:module';

register(new URL('./import-log-hooks.mjs', import.meta.url), { data: { file: process.env.FOLIO_IMPORT_LOG } });
