#!/usr/bin/env node
// Starts the built CLI (out/main/cli.js, produced by `npm run build`, which `npm install` runs).
import { existsSync } from 'node:fs';

const built = new URL('../out/main/cli.js', import.meta.url);
if (!existsSync(built)) {
  process.stderr.write('folio: not built yet: run `npm run build` in the Folio folder\n');
  process.exit(1);
}
await import(built.href);
