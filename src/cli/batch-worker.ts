// A batch worker thread: receives the validated rules once (no files to read, nothing to validate again), then
// turns blocks of input lines (or CSV records) into blocks of output bytes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rules } from '../core/model.js';
import { evaluateWork, type BatchOptions, type Work } from '../io/batch.js';
import { ByteSink } from '../io/sink.js';

interface Init { rules: Rules; opts: BatchOptions }
const { rules, opts } = workerData as Init;
const sink = new ByteSink();

parentPort!.on('message', (msg: { seq: number; work: Work }) => {
  const { count, failed } = evaluateWork(rules, msg.work, opts, sink);
  // Written as UTF-8 here, in parallel, and moved (not copied) to the main thread, which only writes the bytes.
  const bytes = sink.take();
  parentPort!.postMessage({ seq: msg.seq, text: bytes, count, failed }, [bytes.buffer as ArrayBuffer]);
});
parentPort!.postMessage({ ready: true });
