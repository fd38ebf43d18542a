// Worker threads for `quantum batch`, and the chunks they owe: blocks go out, output bytes come back, in order.
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Rules } from '../core/model.js';
import type { BatchOptions, Work } from '../io/batch.js';

/** Chunks evaluated in the main thread before workers start (tiny batches stay single-threaded)... */
export const INLINE_CHUNKS = 8;
/** ...unless the input file is at least this large: then workers start at once. */
export const EARLY_WORKERS_BYTES = 1024 * 1024;

export interface Done {
  text: Uint8Array; count: number; failed: number;
  /** The worker that wrote `text` (its buffer goes back there once written); absent for the main thread. */
  from?: number;
  /** The input block's buffer, back from the worker, for the next block. */
  input?: ArrayBuffer;
}

/**
 * Worker threads and the chunks they owe us. Workers can start before the rules are loaded (their start-up then
 * overlaps the main thread's); `init` sends them the rules, already validated, so no worker reads or checks a file.
 */
export class Pool {
  private workers: { w: Worker; busy: number; ready: boolean; waiting: Map<number, (d: Done) => void> }[] = [];
  private failure: Error | null = null;
  private initialised = false;
  constructor(n: number, opts: BatchOptions) {
    const url = new URL('./batch-worker.js', import.meta.url);
    for (let i = 0; i < n; i++) {
      // Room for a young generation of 64 MB (V8's default is 16 to 32): a block's short-lived objects (parsed
      // cases, results) die young, and fewer scavenges save a few per cent of a run (bench/run.mjs).
      const w = new Worker(url, { workerData: { opts }, resourceLimits: { maxYoungGenerationSizeMb: 16, maxOldGenerationSizeMb: 128 } });
      const slot = { w, busy: 0, ready: false, waiting: new Map<number, (d: Done) => void>() };
      const index = i;
      w.on('message', (m: ({ seq: number } & Done) | { ready: true }) => {
        if ('ready' in m) { slot.ready = true; return; }
        m.from = index;
        slot.busy--;
        const resolve = slot.waiting.get(m.seq);
        slot.waiting.delete(m.seq);
        resolve?.(m);
      });
      w.on('error', (e) => {
        this.failure = e;
        for (const resolve of slot.waiting.values()) resolve({ text: new Uint8Array(0), count: 0, failed: 0, error: e } as Done);
        slot.waiting.clear();
      });
      this.workers.push(slot);
    }
  }
  init(rules: Rules): void {
    if (this.initialised) return;
    this.initialised = true;
    // The search texts are a reader of a file (rules/read.ts), which cannot be cloned; workers never search.
    const { searchHays: _h, ...sendable } = rules;
    for (const s of this.workers) s.w.postMessage({ rules: sendable });
  }
  /** Whether a worker has started: until then the main thread evaluates chunks itself. */
  get ready(): boolean { return this.workers.some((s) => s.ready); }
  run(seq: number, work: Work): Promise<Done> {
    if (this.failure) return Promise.reject(this.failure);
    const slot = this.workers.reduce((a, b) => ((b.ready && !a.ready) || (b.ready === a.ready && b.busy < a.busy) ? b : a));
    slot.busy++;
    return new Promise((resolve, reject) => {
      slot.waiting.set(seq, (d) => ((d as Done & { error?: Error }).error ? reject((d as Done & { error: Error }).error) : resolve(d)));
      // A block's bytes are moved, not copied: the main thread never reads them again.
      slot.w.postMessage({ seq, work }, 'block' in work ? [work.block.bytes.buffer as ArrayBuffer] : []);
    });
  }
  /** Gives an output buffer back to the worker that filled it, now that it is written. */
  giveBack(from: number, b: ArrayBuffer): void {
    try {
      this.workers[from]?.w.postMessage({ spare: b }, [b]);
    } catch {
      // the worker has ended: the buffer is simply dropped
    }
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((s) => s.w.terminate()));
  }
}

/** Starts the workers of a run at once when its input is a large file: before the main thread loads the rules. */
export function startWorkers(input: string, workers: number, opts: BatchOptions): Pool | null {
  if (workers <= 0 || input === '-') return null;
  try {
    return statSync(input).size >= EARLY_WORKERS_BYTES ? new Pool(workers, opts) : null;
  } catch {
    return null; // runBatch reports an unreadable input
  }
}

export function defaultWorkers(): number {
  return availableParallelism();
}

/** More workers than this only add memory and contention (measured: 64 workers used 1.8 GB and ran 8 times slower). */
export function maxWorkers(): number {
  return Math.max(4, 4 * availableParallelism());
}
