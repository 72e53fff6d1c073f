/**
 * The built CLI parses in worker threads, even for a library of three files (issue 15: parsing
 * never runs on the thread that answers requests), and a pathological file does not stop it.
 * Runs the bundle electron-vite produced (`out/main`), so the bundled worker location is what is
 * tested; skipped with a message when the app is not built.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO } from './run-cli';

const BUILT = existsSync(join(REPO, 'out/main/cli.js')) && existsSync(join(REPO, 'out/main/parse-worker.js'));
const tmp = mkdtempSync(join(tmpdir(), 'folio-cli-workers-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Prints one line on stderr for every worker thread the process starts. */
const COUNT_WORKERS = `data:text/javascript,process.on('worker',()=>process.stderr.write('worker-started\\n'))`;

describe.skipIf(!BUILT)('built CLI', () => {
  it('parses a small library in worker threads', () => {
    const lib = join(tmp, 'lib');
    const data = join(tmp, 'data');
    mkdirSync(lib);
    writeFileSync(join(lib, 'cho.txt'), 'Chợ nổi\n\nMỗi sáng, ghe thuyền chở trái cây từ các vườn ven sông về chợ nổi từ lúc trời chưa sáng, người mua kẻ bán gọi nhau í ới.\n');
    writeFileSync(join(lib, 'ghi-chu.md'), '# Ghi chú\n\nBuổi sáng ở chợ nổi Cái Răng, tiếng máy ghe nổ giòn, mùi cà phê thơm từ những chiếc xuồng nhỏ.\n');
    writeFileSync(join(lib, 'sao.md'), `# Dấu sao\n\n${'*a'.repeat(30_000)}\n`);
    const r = spawnSync(process.execPath, ['--import', COUNT_WORKERS, join(REPO, 'bin/folio.js'), 'index', lib, '--data', data, '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr.split('\n').filter((l) => l === 'worker-started').length).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ articles: 3 });
  }, 150_000);
});
if (!BUILT) console.warn('tests/cli/parse-workers: skipped, run `npx electron-vite build` first');
