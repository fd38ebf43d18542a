// A batch worker thread: loads the rules once, then turns chunks of records into chunks of output lines.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../rules/load.js';
import { evaluateRecord, type BatchOptions } from '../io/batch.js';
import type { RawRecord } from '../io/records.js';
import { ByteSink } from '../io/sink.js';

interface Init { rulesDir: string; opts: BatchOptions; header: string[] | null }
const { rulesDir, opts, header } = workerData as Init;
const rules = loadRules(rulesDir);
const sink = new ByteSink();

parentPort!.on('message', (msg: { seq: number; records: RawRecord[] }) => {
  let failed = 0;
  for (const r of msg.records) if (!evaluateRecord(rules, r, opts, header, sink)) failed++;
  // Written as UTF-8 here, in parallel, and moved (not copied) to the main thread, which only writes the bytes.
  const bytes = sink.take();
  parentPort!.postMessage({ seq: msg.seq, text: bytes, count: msg.records.length, failed }, [bytes.buffer as ArrayBuffer]);
});
