import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifySolomonAnswer, type SolomonAnswer } from './verification/solomon-answer.verifier';

/**
 * The `routing:solve` command as benchmarks run it: the built JavaScript, with its worker thread
 * (the unit tests of the solver run from TypeScript sources in one thread). `npm test` builds first
 * in CI; alone, run `npm run build` before this file.
 */
const root = join(__dirname, '../../..');
const command = join(root, 'dist/scripts/routing-solve.js');
const C101 = join(root, 'bench/routing/solomon/C101.txt');

function run(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [command, ...args], { cwd: root, encoding: 'utf8', timeout: 60000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('routing:solve (built)', () => {
  beforeAll(() => {
    if (!existsSync(command)) throw new Error(`${command} is missing: run \`npm run build\` before these tests`);
  });

  it.each([['2'], ['1']])('prints only a feasible JSON answer on stdout with %s thread(s)', (threads) => {
    const { status, stdout, stderr } = run(C101, '--seconds', '1', '--threads', threads);
    expect({ status, stderr }).toEqual({ status: 0, stderr: '' });
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const answer = JSON.parse(lines[0]) as SolomonAnswer;
    expect(answer.instance).toBe('C101');
    const check = verifySolomonAnswer(readFileSync(C101, 'utf8'), answer);
    expect(check.violations).toEqual([]);
    expect(answer.vehicles).toBe(answer.routes.length);
  });

  it('rejects a bad file with a message on stderr and a non-zero exit', () => {
    const dir = mkdtempSync(join(tmpdir(), 'routing-solve-'));
    const bad = join(dir, 'bad.txt');
    writeFileSync(bad, 'BAD\nVEHICLE\nNUMBER CAPACITY\n2 10\nCUSTOMER\n0 1 2 0 0 100 zero\n');
    const { status, stdout, stderr } = run(bad);
    expect(status).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/INVALID_INSTANCE_FILE \(line 6\)/);
  });

  it('rejects a missing file and bad usage', () => {
    expect(run(join(root, 'no-such-file.txt'))).toMatchObject({ status: 1, stdout: '', stderr: expect.stringMatching(/ENOENT/) });
    expect(run()).toMatchObject({ status: 2, stdout: '', stderr: expect.stringMatching(/Usage/) });
    expect(run(C101, '--seconds', '-1')).toMatchObject({ status: 2, stdout: '' });
  });
});
