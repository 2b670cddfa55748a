/**
 * Waits for what a probe returns: polls it (every 25 ms; it may be async) until it gives something
 * other than undefined, and returns that; fails naming `what` once `timeoutMs` is spent. Tests wait
 * on a state or an event this way, never on a fixed sleep.
 */
export async function until<T>(probe: () => Promise<T | undefined> | T | undefined, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
