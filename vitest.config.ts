import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

/**
 * Three projects: `node` (core, API, bridge, CLI), `dom` (renderer units in happy-dom) and
 * `e2e` (the built renderer over the web bridge in Debian's Chromium; skips without a browser).
 */
/** expect.poll waits up to 30 s (default 1 s): a busy machine is slow, not broken. */
const expectOptions = { poll: { timeout: 30_000 } };

/**
 * Test files run in this many forks at once, all projects together, e2e files included (each has
 * its own `folio serve` on port 0 and its own browser contexts; Vitest 4 runs projects side by
 * side only when they share one worker count). Vitest's default is one fewer than the cores: ONE
 * on a 2-core machine, where much of the suite waits on child processes, sockets and Chromium
 * rather than the CPU. 3 measured fastest there (README "Tests and CI"); FOLIO_TEST_WORKERS
 * overrides it.
 */
const maxWorkers = Number(process.env.FOLIO_TEST_WORKERS) || 3;

export default defineConfig({
  test: {
    maxWorkers,
    // Line coverage of core/ (the plain-Node heart of Folio), switched on by `npm test` for a full
    // run (scripts/test.mjs). The summary prints at the end; under 85 % lines the run fails. Code
    // that runs in child processes (CLI, folio serve in e2e) is not counted: the figure is what
    // the unit, API and bridge tests reach on their own. Cheap: V8 counts natively.
    coverage: {
      provider: 'v8',
      include: ['src-main/core/**'],
      reporter: ['text-summary', 'json-summary'],
      reportsDirectory: 'test-results/coverage',
      reportOnFailure: true,
      thresholds: { lines: 85 },
    },
    projects: [
      {
        test: {
          name: 'node',
          expect: expectOptions,
          environment: 'node',
          include: ['tests/**/*.test.ts'],
          exclude: ['tests/e2e/**', 'tests/renderer/**'],
          // Generous limits: a hung test fails, a slow machine does not (no test asserts speed).
          testTimeout: 120_000,
          hookTimeout: 120_000,
          pool: 'forks',
        },
      },
      {
        plugins: [react()],
        resolve: { alias: { '@shared': new URL('./src-main/shared', import.meta.url).pathname } },
        test: {
          name: 'dom',
          expect: expectOptions,
          environment: 'happy-dom',
          include: ['tests/renderer/**/*.test.{ts,tsx}'],
          testTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'e2e',
          expect: expectOptions,
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/e2e/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // A worker runs its e2e files without reloading Playwright and the harness for each.
          isolate: false,
          pool: 'forks',
        },
      },
    ],
  },
});
