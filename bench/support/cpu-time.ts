import { readdirSync, readFileSync } from 'node:fs';

/** CPU time this process has used so far, user and system, in ms. */
export function ownCpuMs(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1000;
}

/**
 * CPU time used so far by every PostgreSQL process of this machine, in ms, read from /proc (Linux):
 * undefined where there is no /proc or no local server (PostgreSQL in a container, on another host).
 * Tells where a benchmark's time goes when the database runs beside it.
 */
export function postgresCpuMs(): number | undefined {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return undefined;
  }
  const ticksPerMs = 100 / 1000; // USER_HZ: 100 ticks per second on Linux
  let ticks = 0;
  let found = false;
  for (const pid of entries) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      if (readFileSync(`/proc/${pid}/comm`, 'utf8').trim() !== 'postgres') continue;
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      ticks += Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      found = true;
    } catch {
      // The process ended while we read: its time is gone with it.
    }
  }
  return found ? ticks / ticksPerMs : undefined;
}
