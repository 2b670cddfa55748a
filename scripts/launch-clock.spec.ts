import { parentOf, startTicks } from './launch-clock';

describe('reading /proc/PID/stat', () => {
  // pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime cstime priority nice num_threads itrealvalue starttime ...
  const stat = (comm: string) => `4242 (${comm}) S 4100 4242 4100 0 -1 4194560 1200 0 0 0 12 3 0 0 20 0 7 0 987654 1234567 890 18446744073709551615`;

  it('finds the parent and the start time after a plain command name', () => {
    expect(parentOf(stat('node'))).toBe(4100);
    expect(startTicks(stat('node'))).toBe(987654);
  });

  it('is not misled by spaces and parentheses in the command name', () => {
    expect(parentOf(stat('npm run (x) y'))).toBe(4100);
    expect(startTicks(stat('npm run (x) y'))).toBe(987654);
  });

  it('agrees with this very process: its parent is process.ppid', async () => {
    const { readFileSync } = await import('node:fs');
    expect(parentOf(readFileSync('/proc/self/stat', 'utf8'))).toBe(process.ppid);
  });
});
