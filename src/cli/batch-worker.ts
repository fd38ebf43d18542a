// A batch worker thread: receives the validated rules once (no files to read, nothing to validate again), then
// turns blocks of input lines (or CSV records) into blocks of output bytes.
import { parentPort, workerData } from 'node:worker_threads';
import type { Rules } from '../core/model.js';
import { evaluateWork, type BatchOptions, type Work } from '../io/batch.js';
import { ByteSink } from '../io/sink.js';

const { opts } = workerData as { opts: BatchOptions };
const sink = new ByteSink();
let rules: Rules | null = null;

parentPort!.on('message', (msg: { rules: Rules } | { seq: number; work: Work } | { spare: ArrayBuffer }) => {
  // The first message brings the rules (the main thread may still have been loading them when this one started).
  if ('rules' in msg) { rules = msg.rules; parentPort!.postMessage({ ready: true }); return; }
  // An output buffer back from the main thread, written: the sink fills it again.
  if ('spare' in msg) { sink.give(msg.spare); return; }
  const { count, failed } = evaluateWork(rules!, msg.work, opts, sink);
  // Written as UTF-8 here, in parallel, and moved (not copied) to the main thread, which only writes the bytes;
  // the input block's buffer goes back with it, for the next block.
  const bytes = sink.take();
  const transfer = [bytes.buffer as ArrayBuffer];
  const input = 'block' in msg.work ? msg.work.block.bytes.buffer as ArrayBuffer : undefined;
  if (input) transfer.push(input);
  parentPort!.postMessage({ seq: msg.seq, text: bytes, count, failed, input }, transfer);
});
