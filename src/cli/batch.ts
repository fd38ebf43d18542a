// `quantum batch`: streams records in, results out in input order, over worker threads, in bounded memory. Every
// non-blank record gives exactly one output line; a failed or stopped run never loses the file it was to replace.
import { createReadStream, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type { Rules } from '../core/model.js';
import { MESSAGES } from '../messages/index.js';
import type { BatchOptions, Work } from '../io/batch.js';
import { LineBlocker, RecordSplitter, type LineBlock, type RawRecord } from '../io/records.js';
import { ByteSink } from '../io/sink.js';
import { type Done, EARLY_WORKERS_BYTES, INLINE_CHUNKS, Pool } from './pool.js';
import { openOutput, type Output } from './output.js';

export { defaultWorkers, maxWorkers, startWorkers } from './pool.js';

export interface BatchRun {
  input: string;            // a file, or '-' for standard input
  out?: string;             // a file; standard output otherwise
  rules: Rules;
  opts: BatchOptions;
  workers: number;          // 0: evaluate in the main thread
  pool?: Pool | null;       // workers already started (startWorkers), closed by runBatch
  chunk: number;            // lines (JSON Lines) or records (CSV) per block sent to a worker
  progress: boolean;
  /** Writes one progress line (the caller words it). */
  showProgress?: (p: { cases: number; failed: number; rate: number; pct: number | null; final: boolean }) => void;
}

export type Stop = 'SIGINT' | 'SIGTERM' | 'EPIPE' | 'OUTPUT';
export interface BatchSummary {
  cases: number; failed: number; ms: number; interrupted: Stop | null; peakRssBytes: number;
  /** The output could not be written (a full disk, a closed file): its system reason. */
  outputError: string | null;
  /** Where the partial output of a failed or stopped run was left (the target file is unchanged). */
  partial: string | null;
}

/** The input cannot be read, or its CSV header is wrong: the run stops before any result. */
export class BatchInputError extends Error {
  constructor(readonly key: 'READ' | 'HEADER', readonly params: Record<string, unknown>) { super(key); }
}

/** How far the run has gone and how it stops: shared by the reader, the dispatcher and the writer. */
class State {
  stop: Stop | null = null;
  outputError: string | null = null;
  cases = 0; failed = 0; bytes = 0;
  /** Called when the run stops: whoever waits for room is woken to see it. */
  onStop: (() => void) | null = null;
  constructor(private readonly input: Readable) {}
  halt(why: Stop, reason?: string): void {
    if (this.stop) return;
    this.stop = why;
    if (reason) this.outputError = reason;
    this.input.destroy();
    this.onStop?.();
  }
}

function openInput(run: BatchRun): { input: Readable; size: number } {
  if (run.input === '-') return { input: process.stdin, size: 0 };
  let size: number;
  try {
    size = statSync(run.input).size;
  } catch (e) {
    throw new BatchInputError('READ', { file: run.input, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
  }
  return { input: createReadStream(run.input, { highWaterMark: 256 * 1024 }), size };
}

/** Writes finished chunks strictly in input order; each buffer goes back to whoever filled it once written. */
class Writer {
  private queue: (Promise<Done> | undefined)[] = [];
  private written = 0;
  private more: (() => void) | null = null;
  /** Every dispatch waiting for room (the reader's and a stalled pipe's flush may wait at once): all are woken. */
  private rooms: (() => void)[] = [];
  private closed = false;
  private failed$: Promise<void>;
  readonly done: Promise<void>;
  constructor(private readonly out: NodeJS.WritableStream, private readonly st: State, private readonly giveBack: (d: Done) => void, private readonly maxInFlight: number) {
    // Settles when the output fails: a write waiting for 'drain' must not wait forever.
    this.failed$ = new Promise<void>((resolve) => out.once('error', () => resolve()));
    st.onStop = () => this.wake();
    this.done = this.loop();
  }
  get inFlight(): number { return this.queue.length - this.written; }
  push(d: Promise<Done>): void { this.queue.push(d); this.more?.(); }
  async write(text: string | Uint8Array, done?: () => void): Promise<void> {
    if (this.st.stop) return;
    if (!this.out.write(text, done && ((e) => { if (!e) done(); }))) await Promise.race([once(this.out as never, 'drain'), this.failed$]);
  }
  /** Waits until fewer chunks than the limit are in flight (backpressure on the reader). */
  async roomFor(): Promise<void> {
    while (this.inFlight >= this.maxInFlight && !this.st.stop) await new Promise<void>((r) => { this.rooms.push(r); });
  }
  /** Wakes every dispatch waiting for room; each checks again. */
  wake(): void {
    const waiting = this.rooms;
    this.rooms = [];
    for (const r of waiting) r();
  }
  end(): Promise<void> { this.closed = true; this.more?.(); return this.done; }
  private async loop(): Promise<void> {
    for (;;) {
      if (this.written < this.queue.length) {
        const d = await this.queue[this.written]!;
        this.queue[this.written] = undefined; // release the text as soon as it is written
        if (!this.st.stop) {
          await this.write(d.text, () => this.giveBack(d));
          this.st.cases += d.count; this.st.failed += d.failed;
        }
        this.written++;
        this.wake();
      } else if (this.closed) return;
      else await new Promise<void>((r) => { this.more = r; });
    }
  }
}

export async function runBatch(run: BatchRun): Promise<BatchSummary> {
  const started = process.hrtime.bigint();
  const { input, size } = openInput(run);
  const output: Output | null = run.out ? openOutput(run.out) : null;
  const out = output?.stream ?? process.stdout;
  const st = new State(input);
  const signals = { SIGINT: () => st.halt('SIGINT'), SIGTERM: () => st.halt('SIGTERM') };
  process.on('SIGINT', signals.SIGINT);
  process.on('SIGTERM', signals.SIGTERM);
  // A closed pipe ends the run quietly; any other write error (a full disk) is named.
  out.on('error', (e: NodeJS.ErrnoException) => st.halt(e.code === 'EPIPE' ? 'EPIPE' : 'OUTPUT', e.code ?? e.message));
  try {
    const feeder = await Feeder.start(run, st, size, out);
    try {
      await feeder.readAll(input);
    } finally {
      await feeder.close();
    }
  } catch (e) {
    // The run stopped before its end on an input error: nothing of it is kept, the target is untouched.
    const partial = await output?.abort();
    if (partial) rmSync(partial, { force: true });
    throw e;
  } finally {
    process.off('SIGINT', signals.SIGINT);
    process.off('SIGTERM', signals.SIGTERM);
  }
  const partial = output ? await finishOutput(output, st) : null;
  return { cases: st.cases, failed: st.failed, ms: Number(process.hrtime.bigint() - started) / 1e6, interrupted: st.stop, peakRssBytes: process.resourceUsage().maxRSS * 1024, outputError: st.outputError, partial };
}

/** A run that ended well replaces the target; any other keeps it and says where the partial output is. */
async function finishOutput(output: Output, st: State): Promise<string | null> {
  if (st.stop) return output.abort();
  try {
    await output.commit();
    return null;
  } catch (e) {
    st.halt('OUTPUT', (e as Error).message);
    return output.abort();
  }
}

/** How long a pipe may stay silent before the lines already read are answered (milliseconds). */
const STALL_MS = 3;

/**
 * Reads the input into chunks and hands them out: JSON Lines as raw blocks of lines (this thread only finds the
 * newlines), CSV as records. Small inputs run in this thread until a worker is ready; a large file's workers,
 * started with the run, get every chunk.
 */
class Feeder {
  private readonly csv: boolean;
  private readonly splitter: RecordSplitter | null;
  private readonly blocker: LineBlocker | null;
  private header: string[] | null = null;
  private records: RawRecord[] = [];
  private seq = 0;
  private readonly sink = new ByteSink();
  private readonly writer: Writer;
  private readonly startedEarly: boolean;
  private lastProgress = 0;
  private readonly started = Date.now();

  private constructor(private readonly run: BatchRun, private readonly st: State, private readonly size: number, out: NodeJS.WritableStream, private readonly io: typeof import('../io/batch.js') | null, private pool: Pool | null) {
    this.csv = run.opts.format === 'csv';
    this.splitter = this.csv ? new RecordSplitter(true, run.opts.maxChars, run.opts.delimiter ?? 'auto') : null;
    this.blocker = this.csv ? null : new LineBlocker(run.chunk, run.opts.maxChars);
    this.startedEarly = pool !== null;
    this.writer = new Writer(out, st, (d) => this.giveBack(d), Math.max(2, run.workers * 4));
  }

  static async start(run: BatchRun, st: State, size: number, out: NodeJS.WritableStream): Promise<Feeder> {
    const pool = run.pool ?? null;
    const csv = run.opts.format === 'csv';
    // The engine and the CSV helpers load in this thread only if it needs them: JSON Lines handed to workers started
    // with the run never do.
    const io = pool !== null && !csv && run.opts.output !== 'csv' ? null : await import('../io/batch.js');
    pool?.init(run.rules);
    const f = new Feeder(run, st, size, out, io, pool);
    if (run.opts.output === 'csv') await f.writer.write(`${io!.CSV_OUTPUT_HEADER}\n`);
    return f;
  }

  async readAll(input: Readable): Promise<void> {
    // A pipe that stalls (a script writing a case and waiting for its answer) gets what it wrote answered after
    // STALL_MS, not when a full chunk has come; a pipe that keeps flowing fills its chunks as a file does.
    let idle = false, timer: NodeJS.Timeout | null = null;
    const stalled = () => { timer = null; if (idle && !this.st.stop) this.flushStalled(); };
    try {
      for await (const chunk of input) {
        idle = false;
        if (timer) { clearTimeout(timer); timer = null; }
        this.st.bytes += (chunk as Buffer).length;
        if (this.blocker) await this.takeBlocks(this.blocker.push(chunk as Buffer));
        else await this.takeRecords(this.splitter!.push(chunk as Buffer));
        this.progress(false);
        if (this.st.stop) break;
        if (this.size === 0) { idle = true; timer = setTimeout(stalled, STALL_MS); }
      }
    } catch (e) {
      if (timer) clearTimeout(timer);
      if (e instanceof BatchInputError) throw e;
      if (!this.st.stop) throw new BatchInputError('READ', { file: this.run.input, reason: (e as NodeJS.ErrnoException).code ?? (e as Error).message });
    }
    idle = false;
    if (timer) clearTimeout(timer);
    await this.stalledDone;
    if (this.st.stop) return;
    if (this.blocker) await this.takeBlocks(this.blocker.end());
    else { await this.takeRecords(this.splitter!.end()); await this.flushRecords(); }
  }

  /** The whole lines (or CSV records) read so far, sent while the reader waits for more: their order is kept, as
   * dispatch numbers a chunk before it awaits anything. */
  private stalledDone: Promise<void> = Promise.resolve();
  private flushStalled(): void {
    const blocks = this.blocker ? this.blocker.flush() : null;
    const sent = blocks ? (blocks.length ? this.dispatch({ block: blocks[0]! }) : null) : this.flushRecords();
    if (!sent) return;
    const done = this.stalledDone.then(() => sent);
    done.catch(() => {}); // handled when readAll awaits it; not an unhandled rejection in the meantime
    this.stalledDone = done;
  }

  async close(): Promise<void> {
    await this.writer.end();
    if (this.pool) await this.pool.close();
    this.progress(true);
  }

  private giveBack(d: Done): void {
    if (d.input) this.blocker?.reuse(d.input);
    const b = d.text.buffer as ArrayBuffer;
    if (d.from === undefined) this.sink.give(b); else this.pool?.giveBack(d.from, b);
  }

  private async takeBlocks(blocks: LineBlock[]): Promise<void> {
    for (const block of blocks) await this.dispatch({ block });
  }

  private async takeRecords(records: RawRecord[]): Promise<void> {
    for (const rec of records) {
      if (!rec.tooLong && rec.text.trim() === '') continue; // blank lines are skipped
      if (this.header === null) {
        const h = rec.badUtf8 ? MESSAGES[this.run.opts.lang].errors.E_UTF8({}) : this.io!.csvHeader(rec.text, this.splitter!.delimiter === ';' ? ';' : ',', this.run.opts.lang);
        if (typeof h === 'string') throw new BatchInputError('HEADER', { line: rec.line, message: h });
        this.header = h;
        continue;
      }
      this.records.push(rec);
      if (this.records.length >= this.run.chunk) await this.flushRecords();
    }
  }

  private async flushRecords(): Promise<void> {
    if (!this.records.length) return;
    const records = this.records;
    this.records = [];
    await this.dispatch({ records, header: this.header, delimiter: this.splitter!.delimiter === ';' ? ';' : ',' });
  }

  private async dispatch(work: Work): Promise<void> {
    const { run } = this;
    if (run.workers > 0 && !this.pool && (this.seq >= INLINE_CHUNKS || this.size >= EARLY_WORKERS_BYTES)) {
      this.pool = new Pool(run.workers, run.opts);
      this.pool.init(run.rules);
    }
    const toPool = this.pool !== null && (this.startedEarly || this.pool.ready);
    this.writer.push(toPool ? this.pool!.run(this.seq++, work) : (this.seq++, Promise.resolve(this.inline(work))));
    await this.writer.roomFor();
  }

  private inline(work: Work): Done {
    const { count, failed } = this.io!.evaluateWork(this.run.rules, work, this.run.opts, this.sink);
    return { text: this.sink.take(), count, failed, ...('block' in work && { input: work.block.bytes.buffer as ArrayBuffer }) };
  }

  private progress(final: boolean): void {
    if (!this.run.progress || !this.run.showProgress) return;
    const now = Date.now();
    if (!final && now - this.lastProgress < 200) return;
    this.lastProgress = now;
    const secs = Math.max((now - this.started) / 1000, 1e-3);
    this.run.showProgress({ cases: this.st.cases, failed: this.st.failed, rate: Math.round(this.st.cases / secs), pct: this.size ? Math.min(100, Math.floor((this.st.bytes / this.size) * 100)) : null, final });
  }
}
