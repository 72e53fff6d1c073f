/**
 * pdf-lib and fontkit, loaded from their single-file builds with require(). Both packages are
 * CommonJS: imported as ESM, Node scans each of pdf-lib's ~300 files (and fontkit's 2 MB
 * bundle) with its CommonJS export lexer first, which took about half of a one-article CLI
 * export. The single-file builds are the same code (the packages' own dist/ bundles).
 * Types still come from the packages' declarations.
 */
import { createRequire } from 'node:module';

const requireCjs = createRequire(import.meta.url);

/** pdf-lib (dist/pdf-lib.min.js). */
export const pdfLib = requireCjs('pdf-lib/dist/pdf-lib.min.js') as typeof import('pdf-lib');

/** @pdf-lib/fontkit (dist/fontkit.umd.min.js). */
export const fontkit = requireCjs('@pdf-lib/fontkit/dist/fontkit.umd.min.js') as typeof import('@pdf-lib/fontkit');
