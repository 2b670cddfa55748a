/**
 * How many times the calling thread's event loop turned (setImmediate callbacks ran) while `work`
 * was pending: 0 when the work held the thread from start to end, as a search on the calling thread
 * does. A count, not a time: it does not depend on how fast the machine is.
 */
export async function eventLoopTurnsDuring<T>(work: () => Promise<T>): Promise<{ readonly value: T; readonly turns: number }> {
  let turns = 0;
  let pending = true;
  const turn = (): void => {
    if (!pending) return;
    turns += 1;
    setImmediate(turn);
  };
  setImmediate(turn);
  try {
    const value = await work();
    return { value, turns };
  } finally {
    pending = false;
  }
}
