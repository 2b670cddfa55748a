import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TemperatureClass } from '#domain';
import { EuclideanDistanceProvider } from '../distance/euclidean.distance-provider';
import { compileInstance } from '../model/compiled-instance';
import { collectLaneThreads, startLaneThread } from './lane-thread';
import type { LaneTask } from './search-lane';

/**
 * The worker threads of the search, with stand-ins for the built worker file (plain JavaScript
 * written here): whatever the thread does, the promise settles, and no thread outlives it.
 */
describe('lane threads', () => {
  let dir: string;
  let task: LaneTask;
  // The stand-ins block on this (never answering, or after answering) until notified: a thread still
  // alive is a waiter Atomics.notify wakes, one that has exited is not.
  let signal: Int32Array;
  const threadsLeft = (): number => Atomics.notify(signal, 0);
  const BLOCK = 'Atomics.wait(new Int32Array(workerData.signal), 0, 0);';
  const standIn = (name: string, body: string): string => {
    const file = join(dir, `${name}.js`);
    writeFileSync(file, `const { parentPort, workerData } = require('node:worker_threads');\n${body}\n`);
    return file;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'lane-thread-'));
    const locations = [
      { x: 0, y: 0 },
      { x: 3, y: 4 },
    ];
    const instance = compileInstance(
      {
        depot: { id: 'depot', location: locations[0], window: { start: 0, end: 100 } },
        stops: [{ id: 's1', location: locations[1], demandKg: 1, window: { start: 0, end: 100 }, serviceTime: 1, temperature: TemperatureClass.AMBIENT }],
        vehicles: [{ id: 'v1', capacityKg: 10, refrigerated: false }],
      },
      await new EuclideanDistanceProvider().matrix(locations),
    );
    signal = new Int32Array(new SharedArrayBuffer(4));
    const lane: LaneTask = { instance, seed: 1, streams: [4, 6], iterations: 10, deadline: Date.now() + 60_000, servable: new Uint8Array([0, 1]) };
    task = Object.assign(lane, { signal: signal.buffer });
  });

  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('gives what the thread posts, once the thread is gone (a thread that lingers after answering is ended)', async () => {
    const lingering = standIn('lingering', `parentPort.postMessage(workerData.streams.map((stream) => ({ stream }))); ${BLOCK}`);
    await expect(startLaneThread(lingering, task).results).resolves.toEqual([{ stream: 4 }, { stream: 6 }]);
    expect(threadsLeft()).toBe(0);
  });

  it('rejects with the error a thread throws', async () => {
    const throwing = standIn('throwing', "throw new Error('lane broke');");
    await expect(startLaneThread(throwing, task).results).rejects.toThrow('lane broke');
  });

  it.each([[0], [3]])('rejects when a thread exits with code %i without answering', async (code) => {
    const leaving = standIn(`leaving-${code}`, `process.exit(${code});`);
    await expect(startLaneThread(leaving, task).results).rejects.toThrow(`exit code ${code} before answering`);
  });

  it('rejects when the thread cannot be loaded', async () => {
    await expect(startLaneThread(join(dir, 'missing.js'), task).results).rejects.toThrow(/Cannot find module/);
  });

  it('rejects a thread stopped before it answers, even one that never yields', async () => {
    const blocked = startLaneThread(standIn('blocked', BLOCK), task);
    blocked.stop();
    await expect(blocked.results).rejects.toThrow('before answering');
    const spinning = startLaneThread(standIn('spinning', 'for (;;) {}'), task);
    spinning.stop();
    await expect(spinning.results).rejects.toThrow('before answering');
    expect(threadsLeft()).toBe(0);
  });

  it('collects every answer in order, and on a failure stops the other threads before rejecting', async () => {
    const answering = standIn('answering', 'parentPort.postMessage([{ stream: workerData.streams[0] }]);');
    await expect(collectLaneThreads([startLaneThread(answering, task), startLaneThread(answering, { ...task, streams: [9] })])).resolves.toEqual([
      [{ stream: 4 }],
      [{ stream: 9 }],
    ]);

    const throwing = standIn('throwing-at-once', "throw new Error('first lane broke');");
    const waiting = startLaneThread(standIn('waiting', BLOCK), task);
    await expect(collectLaneThreads([waiting, startLaneThread(throwing, task)])).rejects.toThrow('first lane broke');
    await expect(waiting.results).rejects.toThrow('before answering');
    expect(threadsLeft()).toBe(0);
  });
});
