/**
 * Interface at scale: the steps a reader takes, in Chromium over the web bridge, on a warm
 * library (indexed beforehand) of 100, 10,000 and 50,000 articles, reported as the ratio to the
 * 100-article library measured in the same run. Targets (issue 18): every ratio ≤ 1.5 at 10k and
 * ≤ 2 at 50k; at most 500 list rows in the DOM.
 *
 *   node --import tsx bench/ui/scale.ts [--n 100,10000,50000] [--runs 3] [--keep /tmp/folio-ui-libs]
 *
 * The corpus is generated: Vietnamese news-like articles about one subject (a few hundred
 * syllables, the query words in most articles), one in five with an English translation.
 * Writes bench-results/ui-scale.json.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { browserSkipReason, REPO } from '../../tests/e2e/harness';
import { CHROMIUM_ARGS, findChromium } from '../../tests/e2e/chromium';
import { mulberry32 } from '../../tests/support/prng';

const args = process.argv.slice(2);
const arg = (name: string, dflt: string): string => {
  const i = args.indexOf(name);
  return i >= 0 ? (args[i + 1] ?? dflt) : dflt;
};
const SIZES = arg('--n', '100,10000').split(',').map(Number);
const RUNS = Number(arg('--runs', '3'));
// Generating and indexing 50,000 articles takes minutes on a loaded machine: with --keep DIR the
// indexed libraries stay in DIR (one folder per size) and later runs reuse them.
const KEEP = arg('--keep', '');

const VI = 'dân vận khéo công tác nhiệm vụ cơ sở đảng bộ chi bộ nhân dân xã huyện tỉnh phong trào thi đua xây dựng nông thôn mới đường làng ngõ xóm vận động hộ gia đình hiến đất mở rộng kênh mương thủy lợi mùa vụ lúa gạo cây trồng vật nuôi hợp tác xã sản xuất tiêu thụ sản phẩm giảm nghèo an sinh xã hội giáo dục y tế văn hóa thể thao đoàn thanh niên hội phụ nữ cựu chiến binh nông dân mặt trận tổ quốc đối thoại lắng nghe ý kiến giải quyết kiến nghị kịp thời hiệu quả thiết thực'.split(' ');
const EN = 'skilful mass mobilisation work task grassroots party committee cell people commune district province movement emulation build new countryside village road alley household donate land widen canal irrigation season rice crop livestock cooperative production product poverty reduction welfare education health culture youth union women veterans farmers front dialogue listen opinion resolve petition timely effective practical'.split(' ');

function sentence(rand: () => number, words: string[], n: number): string {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push(words[Math.floor(rand() * rand() * words.length)]!);
  const s = out.join(' ');
  return s.charAt(0).toUpperCase() + s.slice(1) + '.';
}

function paragraph(rand: () => number, words: string[]): string {
  return Array.from({ length: 3 + Math.floor(rand() * 3) }, () => sentence(rand, words, 8 + Math.floor(rand() * 10))).join(' ');
}

/** Writes `n` articles (one in five paired with an English version) into a new folder. */
function writeLibrary(n: number, into?: string): string {
  const root = into ?? mkdtempSync(path.join(os.tmpdir(), `folio-bench-ui-${n}-`));
  mkdirSync(root, { recursive: true });
  const rand = mulberry32(n);
  for (let i = 0; i < n; i++) {
    const folder = path.join(root, `nam-${2015 + (i % 10)}`);
    if (i < 10) mkdirSync(folder, { recursive: true });
    const day = new Date(Date.UTC(2015 + (i % 10), i % 12, 1 + (i % 28), 7, 30));
    const date = `${String(day.getUTCDate()).padStart(2, '0')}/${String(day.getUTCMonth() + 1).padStart(2, '0')}/${day.getUTCFullYear()} 07:30`;
    const title = sentence(rand, VI, 8).replace(/\.$/, '');
    const body = Array.from({ length: 4 + Math.floor(rand() * 6) }, () => paragraph(rand, VI)).join('\n\n');
    const paired = i % 5 === 0;
    writeFileSync(path.join(folder, `bai-${i}${paired ? '.vi' : ''}.txt`), `${title}\n\n${date}\n\n${body}\n`);
    if (paired) {
      const enBody = Array.from({ length: 4 + Math.floor(rand() * 6) }, () => paragraph(rand, EN)).join('\n\n');
      writeFileSync(path.join(folder, `bai-${i}.en.txt`), `${sentence(rand, EN, 8).replace(/\.$/, '')}\n\n${day.toDateString()}\n\n${enBody}\n`);
    }
  }
  return root;
}

function cli(): string {
  return path.join(REPO, 'bin/folio.js');
}

async function serve(root: string, data: string): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, [cli(), 'serve', root, '--port', '0', '--json', '--data', data], { stdio: ['ignore', 'pipe', 'inherit'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      try {
        resolve((JSON.parse(out) as { url: string }).url);
      } catch {
        /* not complete yet */
      }
    });
    child.on('exit', (code) => reject(new Error(`folio serve exited (${code})`)));
  });
  return { url, child };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? NaN;
}

type Step = 'firstRow' | 'openArticle' | 'typeQuery' | 'scrollList' | 'switchFilter';
const STEPS: Step[] = ['firstRow', 'openArticle', 'typeQuery', 'scrollList', 'switchFilter'];

async function measure(url: string, n: number): Promise<Record<Step, number> & { domRows: number }> {
  // Its own browser: the harness's launchBrowser asks vitest for a shared one, and this is no test.
  const browser = await chromium.launch({ executablePath: findChromium() ?? undefined, headless: true, args: CHROMIUM_ARGS });
  try {
    const context = await browser.newContext({ locale: 'vi-VN', viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    let t = Date.now();
    await page.goto(url);
    await page.waitForSelector('.article-list [role="option"]', { timeout: 120_000 });
    const firstRow = Date.now() - t;

    t = Date.now();
    await page.locator('.article-list [role="option"]').nth(1).click();
    await page.waitForSelector('.article-grid [data-paragraph]', { timeout: 60_000 });
    const openArticle = Date.now() - t;

    const box = page.locator('input[type="search"]');
    await box.click();
    t = Date.now();
    await box.pressSequentially('dân vận khéo', { delay: 40 });
    await page.waitForFunction(() => Array.from(document.querySelectorAll('.search-results mark')).some((m) => m.textContent?.toLowerCase() === 'khéo'), undefined, { timeout: 120_000 });
    const typeQuery = Date.now() - t;
    await box.fill('');
    await page.waitForSelector('.article-list [role="option"]');

    const domRows = await page.locator('.article-list [role="option"]').count();
    // Scrolling and filtering are measured on the whole list: the rest of a large list loads
    // behind the reader's actions (it pauses while they type), so wait for it, untimed.
    await page.waitForFunction((count) => document.querySelector('.article-list [role="option"]')?.getAttribute('aria-setsize') === String(count), n, { timeout: 120_000 });
    t = Date.now();
    await page.locator('.library-pane .pane-scroll').evaluate(async (el) => {
      for (let i = 0; i <= 20; i++) {
        el.scrollTop = (el.scrollHeight * i) / 20;
        await new Promise((r) => requestAnimationFrame(() => r(null)));
      }
    });
    await page.waitForFunction(() => {
      // Rows are measured as they appear, so the list's height settles as it scrolls: keep going.
      const scroller = document.querySelector('.library-pane .pane-scroll');
      if (scroller) scroller.scrollTop = scroller.scrollHeight;
      const rows = document.querySelectorAll('.article-list [role="option"]');
      const last = rows[rows.length - 1];
      return !!last && last.getAttribute('aria-posinset') === last.getAttribute('aria-setsize');
    });
    const scrollList = Date.now() - t;

    t = Date.now();
    await page.getByRole('combobox', { name: /Ngôn ngữ/ }).selectOption('pair');
    await page.waitForFunction(() => document.querySelector('.article-list [role="option"]')?.textContent?.includes('VI+EN'));
    const switchFilter = Date.now() - t;
    await context.close();
    return { firstRow, openArticle, typeQuery, scrollList, switchFilter, domRows };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const skip = browserSkipReason();
  if (skip) {
    console.log(`ui scale bench skipped: ${skip}`);
    return;
  }
  const results: Record<number, Record<Step, number> & { domRows: number }> = {};
  for (const n of SIZES) {
    const kept = KEEP ? path.join(KEEP, `lib-${n}`) : '';
    const ready = kept !== '' && existsSync(path.join(kept, 'indexed'));
    if (kept && !ready) rmSync(kept, { recursive: true, force: true });
    const root = ready ? path.join(kept, 'library') : writeLibrary(n, kept ? path.join(kept, 'library') : undefined);
    const data = ready ? path.join(kept, 'data') : kept ? path.join(kept, 'data') : mkdtempSync(path.join(os.tmpdir(), 'folio-bench-ui-data-'));
    try {
      if (!ready) {
        mkdirSync(data, { recursive: true });
        // Warm: the library is scanned and indexed once, as on any day after the first.
        const t = Date.now();
        spawnSync(process.execPath, [cli(), 'index', root, '--data', data], { stdio: 'ignore' });
        console.log(`${n} articles generated and indexed in ${((Date.now() - t) / 1000).toFixed(0)} s`);
        if (kept) writeFileSync(path.join(kept, 'indexed'), '');
      }
      const runs: Array<Record<Step, number> & { domRows: number }> = [];
      for (let r = 0; r < RUNS; r++) {
        const { url, child } = await serve(root, data);
        try {
          runs.push(await measure(url, n));
        } finally {
          child.kill('SIGTERM');
        }
      }
      const med = Object.fromEntries([...STEPS, 'domRows'].map((k) => [k, median(runs.map((x) => x[k as Step]))])) as Record<Step, number> & { domRows: number };
      results[n] = med;
      console.log(`${n} articles: ${STEPS.map((s) => `${s} ${med[s]} ms`).join(', ')}, ${med.domRows} rows in the DOM`);
    } finally {
      if (!kept) {
        rmSync(root, { recursive: true, force: true });
        rmSync(data, { recursive: true, force: true });
      }
    }
  }
  const base = results[SIZES[0]!]!;
  console.log(`\n| step | ${SIZES.map((n) => `${n.toLocaleString('en')} articles`).join(' | ')} |`);
  console.log(`|---|${SIZES.map(() => '---').join('|')}|`);
  for (const s of STEPS) console.log(`| ${s} | ${SIZES.map((n) => `${results[n]![s]} ms (${(results[n]![s] / base[s]).toFixed(2)}x)`).join(' | ')} |`);
  console.log(`| list rows in the DOM | ${SIZES.map((n) => results[n]!.domRows).join(' | ')} |`);
  mkdirSync(path.join(REPO, 'bench-results'), { recursive: true });
  writeFileSync(path.join(REPO, 'bench-results/ui-scale.json'), JSON.stringify({ sizes: SIZES, runs: RUNS, results }, null, 2));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
