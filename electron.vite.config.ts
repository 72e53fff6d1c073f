import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';
import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { META_CONTENT_SECURITY_POLICY } from './src-main/bridge/security';

/** Adds the strict CSP as a meta tag to the built index.html (dev keeps Vite's inline preamble). */
function cspMeta(): Plugin {
  return {
    name: 'folio-csp-meta',
    apply: 'build',
    transformIndexHtml: (html) =>
      html.replace('<head>', `<head>\n    <meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`),
  };
}

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: {
        // The app, the CLI (bin/folio.js imports out/main/cli.js), the search index worker, the
        // PDF export worker and the library parse worker (found next to the bundle by src-main/core/workers/worker-location.ts).
        input: {
          main: resolve('src-main/main.ts'),
          cli: resolve('src-main/cli/cli.ts'),
          'index-worker': resolve('src-main/core/search/index-worker.ts'),
          'parse-worker': resolve('src-main/core/library/parse-worker.ts'),
          'pdf-worker': resolve('src-main/core/export/pdf-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload can only require('electron'): bundle everything else, emit CommonJS.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve('src-main/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'src-renderer',
    base: './',
    resolve: { alias: { '@shared': resolve('src-main/shared') } },
    plugins: [react(), cspMeta()],
    build: {
      outDir: 'out/renderer',
      rollupOptions: { input: resolve('src-renderer/index.html') },
    },
  },
});
