import { DEMO_PASSWORD } from './seed-plan';
import type { DemoLogin } from './seed-plan.model';

/** Where `npm run seed` leaves the logins table, so scripts/demo.sh can show it again once the API listens. */
export const DEMO_LOGINS_FILE = 'dist/demo-logins.txt';

/** The demo logins as a plain-text table, to print at the end of the seed and when the demo starts. */
export function formatLoginsTable(logins: readonly DemoLogin[], graphqlUrl: string): string {
  const header = ['email', 'password', 'role', 'organisation'] as const;
  const rows = logins.map((login) => [login.email, DEMO_PASSWORD, login.role, login.organization ?? '—']);
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => [...(row[column] ?? '')].length)));
  const line = (cells: readonly string[]) => `| ${cells.map((cell, column) => cell + ' '.repeat((widths[column] ?? 0) - [...cell].length)).join(' | ')} |`;
  const rule = `+${widths.map((width) => '-'.repeat(width + 2)).join('+')}+`;
  return [
    `Demo logins (one password for all; sign in with the "login" mutation at ${graphqlUrl}):`,
    rule,
    line(header),
    rule,
    ...rows.map(line),
    rule,
    '',
  ].join('\n');
}
