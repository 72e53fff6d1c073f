#!/usr/bin/env node
// Electron 45 no longer downloads its binary at `npm install`; it does so the first time
// `require('electron')` runs. electron-vite only looks for the binary (and stops with "Electron
// uninstall"), so `npm start` runs this first: it fetches the binary once (needs network).
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
try {
  const exe = require('electron');
  if (typeof exe !== 'string') throw new Error('unexpected electron module');
} catch (err) {
  console.error(`folio: the Electron binary is not installed and could not be downloaded (${err instanceof Error ? err.message.split('\n')[0] : String(err)}).`);
  console.error('folio: connect to the network once and run `npm start` again, or use Folio in a browser: npx folio serve resources/sample-library');
  process.exit(1);
}
