// `quantum batch`: streams records in, results out in input order, over worker threads, in flat memory.
import { createReadStream, createWriteStream, statSync } from 'node:fs';
import { once } from 'node:events';
import { availableParallelism } from 'node:os';
import type { Readable, Writable } from 'node:stream';
import { Worker } from 'node:worker_threads';
import type { Rules } from '../core/model.js';
import type { BatchOptions, Work } from '../io/batch.js';
import { LineBlocker, RecordSplitter, type LineBlock, type RawRecord } from '../io/records.js';
import { ByteSink } from '../io/sink.js';

export interface BatchRun {
  input: string;            // a file, or '-' for standard input
  out?: string;             // a file; standard output otherwise
  rules: Rules;
  opts: BatchOptions;
  workers: number;          // 0: evaluate in the main thread
  pool?: Pool | null;       // workers already started (startWorkers), closed by runBatch
  chunk: number;            // lines (JSON Lines) or records (CSV) per block sent to a worker
  progress: boolean;
}

export interface BatchSummary { cases: number; failed: number; ms: number; interrupted: 'SIGINT' | 'EPIPE' | null; peakRssBytes: number }

export class BatchInputError extends Error {}

/** Chunks evaluated in the main thread before workers start (tiny batches stay single-threaded)... */
const INLINE_CHUNKS = 8;
/** ...unless the input file is at least this large: then workers start at once. */
const EARLY_WORKERS_BYTES = 1024 * 1024;

interface Done {
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
      const w = new Worker(url, { workerData: { opts }, resourceLimits: { maxYoungGenerationSizeMb: 64 } });
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
    for (const s of this.workers) s.w.postMessage({ rules });
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

export async function runBatch(run: BatchRun, stderr: NodeJS.WriteStream = process.stderr): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  let input: Readable;
  let total = 0;
  if (run.input === '-') input = process.stdin;
  else {
    try {
      total = statSync(run.input).size;
    } catch (e) {
      throw new BatchInputError(`cannot read ${run.input}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
    input = createReadStream(run.input, { highWaterMark: 256 * 1024 });
  }
  const out: Writable = run.out ? createWriteStream(run.out) : process.stdout;
  let interrupted: BatchSummary['interrupted'] = null;
  const stop = (why: 'SIGINT' | 'EPIPE') => { if (!interrupted) { interrupted = why; input.destroy(); } };
  const onSigint = () => stop('SIGINT');
  process.on('SIGINT', onSigint);
  out.on('error', () => stop('EPIPE')); // a closed pipe, a full disk: the output is gone, the run ends

  // JSON Lines go to workers as raw blocks of lines (this thread only finds the newlines); CSV as records.
  const csv = run.opts.format === 'csv';
  const splitter = csv ? new RecordSplitter(true, run.opts.maxChars) : null;
  const blocker = csv ? null : new LineBlocker(run.chunk, run.opts.maxChars);
  let header: string[] | null = null;
  let pool: Pool | null = run.pool ?? null;
  const startedEarly = pool !== null;
  // The engine and the CSV helpers load here only if this thread needs them: JSON Lines handed to workers
  // started with the run never do.
  const io = startedEarly && !csv && run.opts.output !== 'csv' ? null : await import('../io/batch.js');
  pool?.init(run.rules);
  const queue: Promise<Done>[] = [];
  let seq = 0;
  let written = 0;
  let cases = 0, failed = 0, bytes = 0;
  // Resolves whoever waits for progress (the writer for new chunks, the reader for room in flight).
  const signal: { more: (() => void) | null; room: (() => void) | null } = { more: null, room: null };
  const maxInFlight = Math.max(2, run.workers * 4);

  // Settles when the output fails (closed pipe, full disk): a write waiting for 'drain' must not wait forever.
  const failed$ = new Promise<void>((resolve) => out.once('error', () => resolve()));
  const write = async (text: string | Uint8Array, done?: () => void) => {
    if (interrupted) return;
    if (!out.write(text, done && ((e) => { if (!e) done(); }))) await Promise.race([once(out, 'drain'), failed$]);
  };
  if (run.opts.output === 'csv') await write(`${io!.CSV_OUTPUT_HEADER}\n`);

  const sink = new ByteSink(); // this thread's output buffers (inline chunks)

  // The writer: takes finished chunks strictly in input order.
  let writerDone = false;
  const writer = (async () => {
    for (;;) {
      if (written < queue.length) {
        const d = await queue[written]!;
        queue[written] = undefined as never; // release the text as soon as it is written
        if (d.input) blocker?.reuse(d.input);
        if (!interrupted) {
          // Once written, the buffer goes back to whoever filled it.
          const b = d.text.buffer as ArrayBuffer;
          await write(d.text, () => (d.from === undefined ? sink.give(b) : (pool as Pool | null)?.giveBack(d.from, b)));
          cases += d.count; failed += d.failed;
        }
        written++;
        signal.room?.();
      } else if (writerDone) return;
      else await new Promise<void>((r) => { signal.more = r; });
    }
  })();

  const inline = (work: Work): Done => {
    const { count, failed: f } = io!.evaluateWork(run.rules, work, run.opts, sink);
    return { text: sink.take(), count, failed: f, ...('block' in work && { input: work.block.bytes.buffer as ArrayBuffer }) };
  };
  let batch: RawRecord[] = [];
  const dispatch = async (work: Work) => {
    // Small inputs never pay for worker start-up: the first chunks run here, the rest on workers, and this thread
    // goes on until one is ready. A large file's workers started with the run: they get every chunk (queued
    // until they are up), as a third thread warming up the engine would only compete with them for the cores.
    if (run.workers > 0 && !pool && (seq >= INLINE_CHUNKS || total >= EARLY_WORKERS_BYTES)) { pool = new Pool(run.workers, run.opts); pool.init(run.rules); }
    const toPool = pool !== null && (startedEarly || (pool as Pool).ready);
    queue.push(toPool ? (pool as Pool).run(seq++, work) : (seq++, Promise.resolve(inline(work))));
    signal.more?.();
    while (queue.length - written >= maxInFlight && !interrupted) await new Promise<void>((r) => { signal.room = r; });
  };

  let lastProgress = 0;
  const progress = (final = false) => {
    if (!run.progress) return;
    const now = Date.now();
    if (!final && now - lastProgress < 200) return;
    lastProgress = now;
    const secs = Number(process.hrtime.bigint() - started) / 1e9;
    const pct = total ? ` ${Math.min(100, Math.floor((bytes / total) * 100))}%` : '';
    const width = 24, filled = total ? Math.round((bytes / total) * width) : 0;
    const bar = total ? ` [${'#'.repeat(filled)}${'.'.repeat(width - filled)}]` : '';
    stderr.write(`\r\x1b[Kquantum batch${bar}${pct} ${cases} cases, ${failed} errors, ${Math.round(cases / Math.max(secs, 1e-3))}/s${final ? '\n' : ''}`);
  };

  const takeRecords = async (records: RawRecord[]) => {
    for (const rec of records) {
      if (!rec.tooLong && rec.text.trim() === '') continue; // blank lines are skipped
      if (header === null) {
        const h = io!.csvHeader(rec.text);
        if (typeof h === 'string') throw new BatchInputError(`line ${rec.line}: ${h}`);
        header = h;
        continue;
      }
      batch.push(rec);
      if (batch.length >= run.chunk) await flushRecords();
    }
  };
  const flushRecords = async () => {
    if (!batch.length) return;
    const records = batch;
    batch = [];
    await dispatch({ records, header });
  };
  const takeBlocks = async (blocks: LineBlock[]) => {
    for (const block of blocks) await dispatch({ block });
  };

  try {
    try {
      for await (const chunk of input) {
        bytes += (chunk as Buffer).length;
        if (blocker) await takeBlocks(blocker.push(chunk as Buffer));
        else await takeRecords(splitter!.push(chunk as Buffer));
        progress();
        if (interrupted) break;
      }
    } catch (e) {
      if (!interrupted) throw new BatchInputError(`cannot read ${run.input === '-' ? 'standard input' : run.input}: ${(e as Error).message}`);
    }
    if (!interrupted) {
      if (blocker) await takeBlocks(blocker.end());
      else { await takeRecords(splitter!.end()); await flushRecords(); }
    }
    writerDone = true;
    signal.more?.();
    await writer;
  } finally {
    process.off('SIGINT', onSigint);
    if (pool) await (pool as Pool).close();
    if (run.out) { (out as Writable).end(); await once(out, 'close').catch(() => undefined); }
  }
  if (run.progress) progress(true);
  return { cases, failed, ms: Number(process.hrtime.bigint() - started) / 1e6, interrupted, peakRssBytes: process.resourceUsage().maxRSS * 1024 };
}

export function defaultWorkers(): number {
  return availableParallelism();
}
