/** PDF date strings (PDF 32000-1 §7.9.4): `D:YYYYMMDDHHmmSSZ`, always written in UTC. */

const pad = (n: number): string => String(n).padStart(2, '0');

/** Format a Date as a PDF date string in UTC. */
export function pdfDate(d: Date): string {
  return `D:${d.getUTCFullYear()}${pad(d.getUTCMonth() + 1)}${pad(d.getUTCDate())}${pad(d.getUTCHours())}${pad(d.getUTCMinutes())}${pad(d.getUTCSeconds())}Z`;
}

/** Parse an ISO 8601 timestamp, falling back to `fallback` when it is missing or invalid. */
export function parseIsoDate(iso: string | null | undefined, fallback: Date): Date {
  if (!iso) return fallback;
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? fallback : d;
}
