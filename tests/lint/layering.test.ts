/**
 * The layering lint rule (eslint/layering.js), through ESLint's Node API with the project's own
 * config: each snippet is linted as if it sat in the named folder. Every forbidden import fails,
 * bare Node names and deep relative paths included; a legal file per layer passes. (That the
 * source itself obeys the rule is `npm run lint`'s job.)
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';
import { REPO } from '../support/sample-library';

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: REPO });
});

/** The layering messages for `code` linted as `file` (relative to the repo). */
async function layering(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(REPO, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'folio/layering').map((m) => m.message);
}

const VIOLATIONS: Array<[file: string, code: string]> = [
  ['src-main/shared/anchoring/x.ts', "import fs from 'fs';"],
  ['src-main/shared/anchoring/x.ts', "import { readFile } from 'node:fs/promises';"],
  ['src-main/shared/anchoring/x.ts', "import { Library } from '../../core/library/library';"],
  ['src-main/shared/x.ts', "import { createHandlers } from '../api/handlers';"],
  ['src-main/shared/x.ts', "import { app } from 'electron';"],
  ['src-main/shared/x.ts', "export const load = () => import('path');"],
  ['src-main/core/x.ts', "import { startBridge } from '../bridge/server';"],
  ['src-main/core/library/x.ts', "import { createHandlers } from '../../api/handlers';"],
  ['src-main/core/search/x.ts', "import { main } from '../../cli/main';"],
  ['src-main/core/x.ts', "import { ipcMain } from 'electron';"],
  ['src-main/core/x.ts', "export { registerIpc } from '../shell/ipc';"],
  ['src-main/api/x.ts', "import { startBridge } from '../bridge/server';"],
  ['src-main/api/x.ts', "import { main } from '../cli/main';"],
  ['src-main/api/x.ts', "import { BrowserWindow } from 'electron/main';"],
  ['src-main/bridge/x.ts', "import { main } from '../cli/main';"],
  ['src-main/bridge/x.ts', "import { registerIpc } from '../shell/ipc';"],
  ['src-main/bridge/x.ts', "const { app } = require('electron');"],
  ['src-main/cli/commands/x.ts', "import { registerIpc } from '../../shell/ipc';"],
  ['src-main/cli/x.ts', "import { app } from 'electron';"],
  ['src-main/cli/x.ts', "import { api } from '../../src-renderer/lib/api';"],
  ['src-main/preload/x.ts', "import { readFileSync } from 'node:fs';"],
  ['src-main/preload/x.ts', "import { FolioSession } from '../core/session';"],
  ['src-renderer/features/reader/x.ts', "import path from 'path';"],
  ['src-renderer/x.ts', "import { readFile } from 'node:fs';"],
  ['src-renderer/app/x.tsx', "import { FolioSession } from '../../src-main/core/session';"],
  ['src-renderer/features/search/x.ts', "import { createHandlers } from '../../../src-main/api/handlers';"],
  ['src-renderer/lib/x.ts', "import { ipcRenderer } from 'electron';"],
  ['src-renderer/lib/x.ts', "import type { Handlers } from '../../src-main/api/dispatch';"],
];

const LEGAL: Array<[file: string, code: string]> = [
  ['src-main/shared/anchoring/x.ts', "import { z } from 'zod';\nimport { normalise } from './whitespace';\nimport type { Article } from '../types';"],
  ['src-main/core/library/x.ts', "import fs from 'node:fs';\nimport path from 'path';\nimport { articleText } from '../../shared/text';\nimport { FolioSession } from '../session';\nimport MiniSearch from 'minisearch';"],
  ['src-main/api/x.ts', "import { FolioSession } from '../core/session';\nimport { FolioError } from '../shared/result';\nimport { stat } from 'node:fs/promises';\nimport { forwardEvents } from './events';"],
  ['src-main/bridge/x.ts', "import http from 'node:http';\nimport { dispatch } from '../api/dispatch';\nimport { FolioSession } from '../core/session';\nimport type { FolioEvent } from '../shared/api';"],
  ['src-main/cli/commands/x.ts', "import { startBridge } from '../../bridge/server';\nimport { createHandlers } from '../../api/handlers';\nimport { parseArgs } from 'node:util';"],
  ['src-main/shell/x.ts', "import { ipcMain } from 'electron';\nimport { dispatch } from '../api/dispatch';\nimport path from 'node:path';"],
  ['src-main/main.ts', "import { app } from 'electron';\nimport { registerIpc } from './shell/ipc';\nimport { createHandlers } from './api/handlers';"],
  ['src-main/preload/x.ts', "import { contextBridge } from 'electron';\nimport { API_METHODS } from '../shared/api';"],
  ['src-renderer/features/reader/x.tsx', "import { useState } from 'react';\nimport type { Article } from '@shared/types';\nimport { articleText } from '../../../src-main/shared/text';\nimport { api } from '../../lib/api';"],
];

describe('layering allow-lists', () => {
  it.each(VIOLATIONS)('%s: rejects %s', async (file, code) => {
    const messages = await layering(file, code);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/may not import/);
  });

  it.each(LEGAL)('%s: accepts its allowed imports', async (file, code) => {
    expect(await layering(file, code)).toEqual([]);
  });
});
