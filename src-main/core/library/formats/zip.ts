/**
 * Reading ZIP containers (.docx, .epub) as untrusted input. The central directory is walked
 * first (APPNOTE.TXT 4.3.12) and judged against budgets before a byte is inflated: entry count,
 * declared sizes, compression ratio, encrypted entries. Inflation is done by fflate with the
 * output buffer fixed at the declared size, so an entry that lies about its size is cut short
 * rather than allowed to grow (a zip bomb cannot exceed what the directory admitted).
 * Entry names are only ever lookup keys: nothing is written to disk.
 */
import { inflateSync } from 'fflate';

/** Limits for one archive. */
export interface ZipBudget {
  /** Most entries in the central directory. */
  maxEntries: number;
  /** Most bytes one entry may declare uncompressed. */
  maxEntryBytes: number;
  /** Most bytes all entries read from one archive may declare in total. */
  maxTotalBytes: number;
  /** Highest declared uncompressed/compressed ratio for an entry over 1 MiB. */
  maxRatio: number;
}

/** Budgets that fit real office documents and books with a wide margin. */
export const DEFAULT_ZIP_BUDGET: ZipBudget = {
  maxEntries: 5_000,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 160 * 1024 * 1024,
  maxRatio: 200,
};

/** Why an archive was refused (the message is shown in the skipped-files list). */
export class ZipError extends Error {
  constructor(
    readonly kind: 'not-zip' | 'encrypted' | 'over-budget' | 'damaged',
    message: string,
  ) {
    super(message);
  }
}

/** One entry of the central directory. */
export interface ZipEntry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  localOffset: number;
}

const EOCD = 0x06054b50;
const CEN = 0x02014b50;
const LOC = 0x04034b50;

function u16(b: Uint8Array, i: number): number {
  return (b[i] ?? 0) | ((b[i + 1] ?? 0) << 8);
}
function u32(b: Uint8Array, i: number): number {
  return ((b[i] ?? 0) | ((b[i + 1] ?? 0) << 8) | ((b[i + 2] ?? 0) << 16)) + (b[i + 3] ?? 0) * 0x1000000;
}

/** True when the bytes start like a ZIP archive. */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes.length >= 22 && u32(bytes, 0) === LOC;
}

/** The central directory of `bytes`, checked against `budget`. Throws `ZipError`. */
export function listZip(bytes: Uint8Array, budget: ZipBudget = DEFAULT_ZIP_BUDGET): ZipEntry[] {
  if (!looksLikeZip(bytes)) throw new ZipError('not-zip', 'Not a ZIP container');
  // The end record sits in the last 22 + 65 535 (comment) bytes.
  let e = bytes.length - 22;
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  while (e >= stop && u32(bytes, e) !== EOCD) e--;
  if (e < stop) throw new ZipError('damaged', 'ZIP end record not found (truncated file?)');
  const count = u16(bytes, e + 10);
  const dirOffset = u32(bytes, e + 16);
  if (count === 0xffff || dirOffset === 0xffffffff) throw new ZipError('over-budget', 'ZIP64 archives are not read');
  if (count > budget.maxEntries) throw new ZipError('over-budget', `Archive has ${count} entries, over the ${budget.maxEntries}-entry limit`);
  const entries: ZipEntry[] = [];
  let o = dirOffset;
  for (let i = 0; i < count; i++) {
    if (o + 46 > bytes.length || u32(bytes, o) !== CEN) throw new ZipError('damaged', 'ZIP directory is damaged');
    const flags = u16(bytes, o + 8);
    const nameLen = u16(bytes, o + 28);
    const extraLen = u16(bytes, o + 30);
    const commentLen = u16(bytes, o + 32);
    const name = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(o + 46, o + 46 + nameLen));
    entries.push({
      name,
      method: u16(bytes, o + 10),
      encrypted: (flags & 1) === 1,
      compressedSize: u32(bytes, o + 20),
      size: u32(bytes, o + 24),
      localOffset: u32(bytes, o + 42),
    });
    o += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** Reads entries of one archive within one shared budget. */
export class ZipReader {
  private readonly byName = new Map<string, ZipEntry>();
  private spent = 0;

  constructor(
    private readonly bytes: Uint8Array,
    private readonly budget: ZipBudget = DEFAULT_ZIP_BUDGET,
  ) {
    for (const entry of listZip(bytes, budget)) if (!this.byName.has(entry.name)) this.byName.set(entry.name, entry);
  }

  /** Entry names in directory order. */
  names(): string[] {
    return [...this.byName.keys()];
  }

  /** True when the archive has an entry of that exact name. */
  has(name: string): boolean {
    return this.byName.has(name);
  }

  /** The bytes of one entry, or null when absent. Throws `ZipError` past a budget. */
  read(name: string): Uint8Array | null {
    const entry = this.byName.get(name);
    if (!entry) return null;
    if (entry.encrypted) throw new ZipError('encrypted', 'The document is encrypted (password-protected)');
    if (entry.size > this.budget.maxEntryBytes) throw new ZipError('over-budget', `Entry ${name} declares ${entry.size} bytes, over the limit`);
    if (entry.size > 1024 * 1024 && entry.size > this.budget.maxRatio * Math.max(1, entry.compressedSize)) {
      throw new ZipError('over-budget', `Entry ${name} expands more than ${this.budget.maxRatio}:1 (zip bomb?)`);
    }
    this.spent += entry.size;
    if (this.spent > this.budget.maxTotalBytes) throw new ZipError('over-budget', 'The archive expands past the size limit');
    const o = entry.localOffset;
    if (o + 30 > this.bytes.length || u32(this.bytes, o) !== LOC) throw new ZipError('damaged', `ZIP entry ${name} is damaged`);
    const start = o + 30 + u16(this.bytes, o + 26) + u16(this.bytes, o + 28);
    const data = this.bytes.subarray(start, start + entry.compressedSize);
    if (data.length < entry.compressedSize) throw new ZipError('damaged', `ZIP entry ${name} is truncated`);
    if (entry.method === 0) return data.slice(0, entry.size);
    if (entry.method !== 8) throw new ZipError('damaged', `ZIP entry ${name} uses unsupported compression ${entry.method}`);
    try {
      // A fixed output buffer: inflation stops at the declared size whatever the stream holds.
      return inflateSync(data, { out: new Uint8Array(entry.size) });
    } catch {
      throw new ZipError('damaged', `ZIP entry ${name} cannot be inflated`);
    }
  }

  /** One entry as UTF-8 text, or null when absent. */
  readText(name: string): string | null {
    const b = this.read(name);
    return b === null ? null : new TextDecoder('utf-8', { fatal: false }).decode(b);
  }
}

/**
 * Resolve `href` (as written in an OPF or relationship file) against the folder of `base`
 * inside the archive. Returns null for anything that would leave the archive's root
 * (`..` past the top, absolute paths, URLs with a scheme).
 */
export function resolveEntryPath(base: string, href: string): string | null {
  const clean = href.split('#')[0] ?? '';
  if (clean === '' || /^[a-z][a-z0-9+.-]*:/i.test(clean) || clean.startsWith('/')) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(clean);
  } catch {
    return null;
  }
  const parts = base.split('/').slice(0, -1);
  for (const seg of decoded.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(seg);
  }
  return parts.join('/');
}
