// Where `quantum batch --out FILE` writes: a file is never lost to a failed run. The results go to a temporary file
// in the same directory, renamed over FILE only when the run ends well; on failure or interruption FILE is left as
// it was and the partial output stays beside it, named. A device or a pipe (/dev/null, /dev/stdout) is written to
// directly: there is nothing to keep.
import { accessSync, closeSync, constants, createWriteStream, existsSync, fchmodSync, fstatSync, openSync, realpathSync, renameSync, statSync, type WriteStream } from 'node:fs';
import { basename, dirname, join } from 'node:path';

export class OutputError extends Error {
  constructor(readonly out: string, readonly reason: string) { super(`${out}: ${reason}`); }
}

/** The system's reason for a failure: its error code (put into words by the caller, src/messages cli.errno). */
export function reasonOf(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  return err?.code ?? String((e as Error)?.message ?? e);
}

/** Whether two paths are the same file (device and inode), following links; false when either does not exist. */
export function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a), y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

export interface Output {
  stream: NodeJS.WritableStream;
  /** The run ended well: the results replace the target. */
  commit(): Promise<void>;
  /** The run failed or was stopped: the target is untouched; returns where the partial output is, if kept. */
  abort(): Promise<string | null>;
}

const closed = (s: WriteStream) => new Promise<void>((resolve) => { if (s.closed) resolve(); else { s.once('close', () => resolve()); s.end(); } });

/** Opens the destination of a run; errors name the path and the system's reason. */
export function openOutput(given: string): Output {
  let target: { isFile: boolean; mode: number } | null = null;
  try { const st = statSync(given); if (st.isDirectory()) throw new OutputError(given, reasonOf({ code: 'EISDIR' })); target = { isFile: st.isFile(), mode: st.mode & 0o777 }; } catch (e) { if (e instanceof OutputError) throw e; }
  if (target && !target.isFile) return direct(given);
  // A link to a file: the file it names is replaced, the link stays.
  const out = target ? realpathSync(given) : given;
  // A file the user may not write is not replaced either (renaming over it would bypass its permissions, as `>` does not).
  if (target) try { accessSync(out, constants.W_OK); } catch (e) { throw new OutputError(given, reasonOf(e)); }
  const tmp = join(dirname(out), `.${basename(out)}.quantum-${process.pid}.partial`);
  let fd: number;
  try {
    // Created exclusively, never following a link planted at that name; a file replaced keeps its permissions.
    fd = openSync(tmp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | (constants.O_NOFOLLOW ?? 0), target?.mode ?? 0o644);
    if (target) fchmodSync(fd, target.mode);
  } catch (e) {
    throw new OutputError(given, reasonOf(e));
  }
  const stream = createWriteStream('', { fd, autoClose: true });
  return {
    stream,
    async commit() {
      await closed(stream);
      try { renameSync(tmp, out); } catch (e) { throw new OutputError(out, reasonOf(e)); }
    },
    async abort() {
      await closed(stream);
      return existsSync(tmp) ? tmp : null;
    },
  };
}

/** A device or a pipe: written to as it is. */
function direct(out: string): Output {
  let fd: number;
  try { fd = openSync(out, 'w'); if (fstatSync(fd).isDirectory()) { closeSync(fd); throw { code: 'EISDIR' }; } } catch (e) { throw new OutputError(out, reasonOf(e)); }
  const stream = createWriteStream('', { fd, autoClose: true });
  return { stream, commit: () => closed(stream), abort: async () => { await closed(stream); return null; } };
}
