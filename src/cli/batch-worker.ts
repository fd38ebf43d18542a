// A batch worker thread: loads the rules once, then turns chunks of records into chunks of output lines.
import { parentPort, workerData } from 'node:worker_threads';
import { loadRules } from '../rules/load.js';
import { evaluateRecord, type BatchOptions } from '../io/batch.js';
import type { RawRecord } from '../io/records.js';

interface Init { rulesDir: string; opts: BatchOptions; header: string[] | null }
const { rulesDir, opts, header } = workerData as Init;
const rules = loadRules(rulesDir);
const encoder = new TextEncoder();

parentPort!.on('message', (msg: { seq: number; records: RawRecord[] }) => {
  let failed = 0;
  const lines = msg.records.map((r) => {
    const out = evaluateRecord(rules, r, opts, header);
    if (!out.ok) failed++;
    return out.line;
  });
  // Encoded here, in parallel, and moved (not copied) to the main thread, which only writes the bytes.
  const bytes = encoder.encode(`${lines.join('\n')}\n`);
  parentPort!.postMessage({ seq: msg.seq, text: bytes, count: lines.length, failed }, [bytes.buffer]);
});
