import { parentPort, workerData } from 'node:worker_threads';
import { runLane, type LaneTask } from './search-lane';

/** Worker-thread entry (loaded from the built JavaScript): runs one lane and posts its results. */
parentPort?.postMessage(runLane(workerData as LaneTask));
