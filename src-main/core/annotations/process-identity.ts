/**
 * Who owns a lock, judged without clocks. A pid alone is not an identity (pids are reused), and a
 * lock's age says nothing about its owner (clocks jump: sleep, NTP, VMs, another host — SQLite and
 * git never judge a lock by age). So an owner is pid + host + a start token: on Linux the boot id
 * plus the process's start time in clock ticks since boot (`/proc/<pid>/stat` field 22), which
 * no other process can share. Where /proc is missing, only pid liveness is known.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Reads the boot id once (a start time is only unique within one boot). */
function bootId(): string | null {
  try {
    return readFileSync('/proc/sys/kernel/random/boot_id', 'utf8').trim();
  } catch {
    return null;
  }
}

const BOOT = bootId();

/** The start token of process `pid`, or null when the platform cannot tell (or it is gone). */
export function startTokenOf(pid: number): string | null {
  if (BOOT === null) return null;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Field 2 (the command) is in parentheses and may contain spaces: count from the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const start = fields[19]; // field 22 overall = index 19 after "pid (comm)"
    return start && /^\d+$/.test(start) ? `${BOOT}:${start}` : null;
  } catch {
    return null;
  }
}

/** True when a process `pid` exists on this host (EPERM: it exists but is not ours). */
export function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** This process's identity, written into lock files. */
export interface OwnerIdentity {
  pid: number;
  hostname: string;
  /** Start token (see module comment); null where the platform cannot tell. */
  start: string | null;
}

/** This process's own identity. */
export function selfIdentity(): OwnerIdentity {
  return { pid: process.pid, hostname: os.hostname(), start: startTokenOf(process.pid) };
}

/** How to look at processes; injectable so the judgement can be tested on made-up owners. */
export interface ProcessProbe {
  hostname: string;
  alive(pid: number): boolean;
  startOf(pid: number): string | null;
}

/** The real probe of this machine. */
export const localProbe: ProcessProbe = { hostname: os.hostname(), alive: processAlive, startOf: startTokenOf };

/** What a lock's owner is, as far as this host can prove. */
export type OwnerState =
  | { state: 'live' }
  | { state: 'remote'; hostname: string }
  | { state: 'dead'; reason: 'not-running' | 'pid-reused' };

/**
 * Judges an owner: dead only when provably so (same host, and the pid is not running or now
 * belongs to a process with another start token). Another host's owner is never judged dead.
 */
export function judgeOwner(owner: OwnerIdentity, probe: ProcessProbe = localProbe): OwnerState {
  if (owner.hostname !== probe.hostname) return { state: 'remote', hostname: owner.hostname };
  if (!probe.alive(owner.pid)) return { state: 'dead', reason: 'not-running' };
  if (owner.start !== null) {
    const now = probe.startOf(owner.pid);
    if (now !== null && now !== owner.start) return { state: 'dead', reason: 'pid-reused' };
  }
  return { state: 'live' };
}
