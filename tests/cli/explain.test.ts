/** `folio show --explain`: which lines the cleanup dropped and by which rule. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, mkdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { folio } from './run-cli';

let tmp: string;
let lib: string;
let data: string;

const P1 = 'Sáng nay, hội nông dân xã đã tổ chức lớp tập huấn về cách ủ phân hữu cơ từ rơm rạ cho gần một trăm hộ trồng lúa trong vùng.';
const P2 = 'Các hộ tham gia được phát men vi sinh miễn phí và sẽ được cán bộ khuyến nông đến tận ruộng hướng dẫn trong suốt vụ mùa tới.';
const PAGE = ['Nông nghiệp | Nông thôn | Thị trường', 'Nông dân học cách ủ phân từ rơm rạ (07:45 05/11/2025)', 'Lượt xem: 1.024', P1, P2, 'Hoài Thu', '[Trở về] [In trang]', 'Ý kiến bạn đọc', 'Họ và tên', 'Địa chỉ: 12 đường Hùng Vương'].join('\n');

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'folio-explain-'));
  lib = path.join(tmp, 'library');
  data = path.join(tmp, 'data');
  await mkdir(lib);
  await writeFile(path.join(lib, 'u-phan.txt'), PAGE);
});
afterAll(async () => rm(tmp, { recursive: true, force: true }));

describe('folio show --explain', () => {
  it('prints each dropped line with the rule that dropped it', async () => {
    const r = await folio(['show', lib, 'u-phan.txt', '--explain', '--data', data]);
    expect(r.code).toBe(0);
    const line = (text: string): string => r.stdout.split('\n').find((l) => l.includes(text)) ?? '';
    expect(line('Nông nghiệp | Nông thôn')).toMatch(/\[menu\]\s+drop/);
    expect(line('(07:45 05/11/2025)')).toMatch(/\[title-timestamp\]\s+title/);
    expect(line('Lượt xem')).toMatch(/\[view-counter\]\s+drop/);
    expect(line('Hoài Thu')).toMatch(/\[byline\]\s+author/);
    expect(line('[Trở về]')).toMatch(/\[link-row\]\s+drop/);
    expect(line('Họ và tên')).toMatch(/drop/);
    expect(line('Địa chỉ')).toMatch(/\[footer\]\s+drop/);
    expect(r.stdout).not.toContain(P1.slice(0, 40)); // kept body lines are not listed
  });

  it('--json gives every line with its action and rule', async () => {
    const r = await folio(['show', lib, 'u-phan.txt', '--explain', '--json', '--data', data]);
    const out = JSON.parse(r.stdout) as { versions: { date: string; author: string; decisions: { text: string; action: string; rule: string }[] }[] };
    const v = out.versions[0]!;
    expect(v.date).toBe('2025-11-05T07:45:00');
    expect(v.author).toBe('Hoài Thu');
    expect(v.decisions.filter((d) => d.action === 'keep').map((d) => d.text)).toEqual([P1, P2]);
    expect(v.decisions).toHaveLength(10);
  });
});
