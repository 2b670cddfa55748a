/** What every benchmark needs from the command line: `--name=value` options and plain output lines. */

/** The value of `--name=value`, if given. */
export function optionValue(name: string, argv: readonly string[] = process.argv.slice(2)): string | undefined {
  return argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
}

/** A positive integer option, or the fallback; anything else stops the bench with the option named. */
export function positiveOption(name: string, fallback: number, argv: readonly string[] = process.argv.slice(2)): number {
  const raw = optionValue(name, argv);
  if (raw === undefined) return fallback;
  const parsed = Number(raw);
  if (!Number.isInteger(parsed) || parsed <= 0) throw new Error(`--${name} must be a positive integer, got "${raw}"`);
  return parsed;
}

export function hasFlag(name: string, argv: readonly string[] = process.argv.slice(2)): boolean {
  return argv.includes(`--${name}`);
}

/** One line of the bench's report on stdout (its figures are its output, not logs). */
export function print(line = ''): void {
  process.stdout.write(`${line}\n`);
}

/** One line on stderr, for what went wrong. */
export function printError(line: string): void {
  process.stderr.write(`${line}\n`);
}
