/**
 * Where tests put files meant for a person to look at (screenshots, PDF page renders, measured
 * figures): `test-results/`, which git ignores, so a test run leaves the checkout clean. No test
 * compares against these files.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The ignored output folder of a test run. */
export const TEST_RESULTS = path.join(REPO, 'test-results');

/** Screenshots and page renders for review; FOLIO_SCREENSHOTS overrides the folder. */
export const SCREENSHOTS = process.env.FOLIO_SCREENSHOTS ? path.resolve(process.env.FOLIO_SCREENSHOTS) : path.join(TEST_RESULTS, 'screenshots');
