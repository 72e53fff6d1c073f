#!/usr/bin/env node
// A CPU hog for checking that the suite passes on a busy machine: N child processes that each spin
// one core flat out (plain Node, nothing to install).
//   node scripts/hog.mjs [N] -- <command...>   runs the command with N hogs, then stops them and
//                                              exits with the command's status (N: the core count)
//   node scripts/hog.mjs [N]                   hogs until Ctrl+C
// Example: node scripts/hog.mjs 2 -- npm test
import { spawn } from 'node:child_process';
import os from 'node:os';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
const own = dash === -1 ? args : args.slice(0, dash);
const command = dash === -1 ? [] : args.slice(dash + 1);
const n = own.length ? Number(own[0]) : os.availableParallelism();
if (!Number.isInteger(n) || n < 1 || n > 256) {
  console.error('usage: node scripts/hog.mjs [N] [-- command...]  (N: 1 to 256 busy processes)');
  process.exit(2);
}

// Each hog spins in a tight loop; now and then it checks its parent id, which changes when the
// parent died (the orphan is re-parented), so a killed hog.mjs leaves no hogs behind.
const spin = 'const p = process.ppid; for (;;) { for (let i = 0; i < 5e7; i++); if (process.ppid !== p) process.exit(0); }';
const hogs = Array.from({ length: n }, () => spawn(process.execPath, ['-e', spin], { stdio: 'ignore' }));
const stop = () => { for (const h of hogs) h.kill('SIGKILL'); };
process.on('exit', stop);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));
console.error(`hog: ${n} busy process${n === 1 ? '' : 'es'} (pids ${hogs.map((h) => h.pid).join(', ')})`);

if (command.length) {
  const [cmd, ...rest] = command;
  const child = spawn(cmd, rest, { stdio: 'inherit' });
  child.on('error', (err) => { console.error(`hog: cannot run ${cmd}: ${err.message}`); process.exit(127); });
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 128 : 1)));
}
