import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';

/**
 * Node child processes the benchmark starts, and the guarantee it stops them: on normal return,
 * on an error, on Ctrl-C or SIGTERM, and (as a last resort, synchronously) when the bench exits.
 */
export interface NodeChild {
  readonly name: string;
  readonly process: ChildProcess;
  readonly pid: number;
  /** What the child wrote to stdout and stderr, for the error message when it fails to start. */
  output(): string;
  /** Resolves with the exit code once the child is gone (at once if it already is). */
  readonly exited: Promise<number | null>;
}

const running = new Set<NodeChild>();
let hooksInstalled = false;

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  // 'exit' handlers must be synchronous: SIGKILL whatever is left.
  process.on('exit', () => {
    for (const child of running) child.process.kill('SIGKILL');
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      void stopAll().finally(() => process.exit(130));
    });
  }
}

/**
 * Starts `node <script>` with exactly the given environment (nothing inherited from ours). With
 * `logFile`, the child's stdout and stderr go straight to that file (as a production process logs
 * to a file or a collector), so that its logging costs what it costs and nothing of ours is added.
 */
export function startNode(name: string, script: string, env: Record<string, string>, options: { logFile?: string } = {}): NodeChild {
  installHooks();
  const logFd = options.logFile === undefined ? undefined : openSync(options.logFile, 'w');
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', logFd ?? 'pipe', logFd ?? 'pipe'] });
  if (logFd !== undefined) closeSync(logFd);
  if (child.pid === undefined) throw new Error(`${name}: could not start ${script}`);
  let output = '';
  const keep = (chunk: Buffer): void => {
    // Bounded: a chatty child must not grow the bench's own memory.
    output = (output + chunk.toString('utf8')).slice(-8192);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<number | null>((resolve) => {
    child.once('exit', (code) => resolve(code));
  });
  const tail = (): string => (options.logFile === undefined ? output : readFileSync(options.logFile, 'utf8').slice(-8192));
  const handle: NodeChild = { name, process: child, pid: child.pid, output: tail, exited };
  running.add(handle);
  void exited.then(() => running.delete(handle));
  return handle;
}

/** SIGTERM, then SIGKILL if the child is still there after the grace period. */
export async function stop(child: NodeChild, graceMs = 5000): Promise<void> {
  if (child.process.exitCode !== null || child.process.signalCode !== null) return;
  child.process.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const killed = new Promise<void>((resolve) => {
    timer = setTimeout(() => {
      child.process.kill('SIGKILL');
      resolve();
    }, graceMs);
  });
  await Promise.race([child.exited.then(() => undefined), killed]);
  clearTimeout(timer);
  await child.exited;
}

export async function stopAll(): Promise<void> {
  await Promise.all([...running].map((child) => stop(child)));
}
