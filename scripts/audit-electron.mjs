#!/usr/bin/env node
// `npm run audit:electron`: runs Electronegativity over src-main and fails (exit 1) on any HIGH or
// MEDIUM finding that is not a triaged exception in scripts/electronegativity-exceptions.json.
// Electronegativity always exits 0, even with findings, so we parse its CSV report.
// It is unmaintained and assumes Electron v0.1 defaults unless told the version: we pass the
// installed Electron's version with -e. Its attempts to fetch translations and release lists fail
// offline after a few seconds each; that is harmless.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const GATING = new Set(['HIGH', 'MEDIUM']);

/** Splits one CSV line, honouring double-quoted fields ("" is a quote). */
export function csvFields(line) {
  const out = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; }
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { out.push(cur.trim()); cur = ''; }
    else cur += c;
  }
  out.push(cur.trim());
  return out;
}

function loadExceptions(file) {
  const data = JSON.parse(readFileSync(file, 'utf8'));
  const list = Array.isArray(data.exceptions) ? data.exceptions : [];
  for (const e of list) {
    if (typeof e.issue !== 'string' || typeof e.file !== 'string' || typeof e.justification !== 'string' || e.justification.trim().length < 20) {
      throw new Error(`invalid exception (needs issue, file and a real justification): ${JSON.stringify(e)}`);
    }
  }
  return list;
}

function main() {
  const bin = path.join(path.dirname(require.resolve('@doyensec/electronegativity/package.json')), 'dist', 'index.js');
  const electronVersion = JSON.parse(readFileSync(require.resolve('electron/package.json'), 'utf8')).version;
  const exceptions = loadExceptions(path.join(repo, 'scripts', 'electronegativity-exceptions.json'));
  const tmp = mkdtempSync(path.join(os.tmpdir(), 'folio-electronegativity-'));
  const csv = path.join(tmp, 'report.csv');
  try {
    const run = spawnSync(process.execPath, [bin, '-i', path.join(repo, 'src-main'), '-o', csv, '-r', '-v', 'false', '-e', electronVersion], { encoding: 'utf8', timeout: 180_000 });
    if (run.error || !existsSync(csv)) {
      console.error(run.stdout, run.stderr);
      console.error(`audit:electron: Electronegativity did not write a report (${run.error?.message ?? `exit ${run.status}`})`);
      return 2;
    }
    const lines = readFileSync(csv, 'utf8').split(/\r?\n/).filter((l) => l.trim());
    const findings = lines.slice(1).map((l) => {
      const [issue, severity, confidence, file, location, sample, description] = csvFields(l);
      return { issue, severity, confidence, file, location, sample, description };
    });
    const used = new Set();
    let failing = 0;
    console.log(`Electronegativity (Electron ${electronVersion}) over src-main: ${findings.length} finding(s)`);
    for (const f of findings) {
      const idx = exceptions.findIndex((e) => e.issue === f.issue && e.file === f.file);
      const gating = GATING.has(f.severity);
      let tag = 'info';
      if (idx >= 0) { used.add(idx); tag = 'excepted'; }
      else if (gating) { tag = 'FAIL'; failing++; }
      console.log(`  [${tag}] ${f.severity}/${f.confidence} ${f.issue} ${f.file}:${f.location} — ${f.description}`);
      if (idx >= 0) console.log(`           justification: ${exceptions[idx].justification}`);
    }
    exceptions.forEach((e, i) => {
      if (!used.has(i)) console.log(`  (stale exception, no longer reported: ${e.issue} ${e.file})`);
    });
    if (failing) {
      console.error(`audit:electron: ${failing} HIGH/MEDIUM finding(s) without a justified exception`);
      return 1;
    }
    console.log('audit:electron: no unexcepted HIGH or MEDIUM findings');
    return 0;
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exit(main());
