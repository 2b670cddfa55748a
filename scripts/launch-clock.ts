import { readFileSync } from 'node:fs';

/** Linux reports process start times in clock ticks of 1/100 s (USER_HZ, the same on every architecture Node runs on). */
const TICKS_PER_SECOND = 100;

/**
 * Seconds since the command was launched, start-up included: since `npm` started when it runs
 * through `npm run` (npm's own start-up, a few hundred milliseconds, is part of what its caller
 * waits for), since this process started otherwise or where /proc cannot say.
 */
export function secondsSinceLaunch(): number {
  const own = process.uptime();
  if (process.env['npm_lifecycle_event'] === undefined) return own;
  try {
    const launcher = npmAncestor(process.ppid);
    if (launcher === undefined) return own;
    const uptime = Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]);
    const started = startTicks(readFileSync(`/proc/${launcher}/stat`, 'utf8')) / TICKS_PER_SECOND;
    const sinceLaunch = uptime - started;
    return Number.isFinite(sinceLaunch) && sinceLaunch >= own ? sinceLaunch : own;
  } catch {
    return own;
  }
}

/** The nearest ancestor (this process's parent, or the shell npm runs scripts in, and up) that is npm. */
function npmAncestor(pid: number): number | undefined {
  for (let current = pid, depth = 0; current > 1 && depth < 4; depth += 1) {
    const cmdline = readFileSync(`/proc/${current}/cmdline`, 'utf8').split('\0');
    if (cmdline.some((part) => /(^|\/)npm(-cli\.js)?$/.test(part))) return current;
    current = parentOf(readFileSync(`/proc/${current}/stat`, 'utf8'));
  }
  return undefined;
}

/** Fields of /proc/PID/stat after the command name, which is in parentheses and may hold spaces or parentheses itself. */
function fieldsAfterName(stat: string): string[] {
  return stat
    .slice(stat.lastIndexOf(')') + 2)
    .trim()
    .split(' ');
}

/** The parent's pid: the 4th field of /proc/PID/stat. */
export function parentOf(stat: string): number {
  return Number(fieldsAfterName(stat)[1]);
}

/** When the process started, in clock ticks since boot: the 22nd field of /proc/PID/stat. */
export function startTicks(stat: string): number {
  return Number(fieldsAfterName(stat)[19]);
}
