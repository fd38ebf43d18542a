// A batch worker thread: receives the validated rules once (no files to read, nothing to validate again), then
// turns blocks of input lines (or CSV records) into blocks of output bytes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rules } from '../core/model.js';
import { evaluateWork, type BatchOptions, type Work } from '../io/batch.js';
import { ByteSink } from '../io/sink.js';

const { opts } = workerData as { opts: BatchOptions };
const sink = new ByteSink();
let rules: Rules | null = null;

parentPort!.on('message', (msg: { rules: Rules } | { seq: number; work: Work }) => {
  // The first message brings the rules (the main thread may still have been loading them when this one started).
  if ('rules' in msg) { rules = msg.rules; parentPort!.postMessage({ ready: true }); return; }
  const { count, failed } = evaluateWork(rules!, msg.work, opts, sink);
  // Written as UTF-8 here, in parallel, and moved (not copied) to the main thread, which only writes the bytes.
  const bytes = sink.take();
  parentPort!.postMessage({ seq: msg.seq, text: bytes, count, failed }, [bytes.buffer as ArrayBuffer]);
});
