// A growable byte buffer that batch output lines are written into. Bulk output is mostly fragments shared
// between results (a memoised charge, a rendered warning): they are encoded to UTF-8 once and copied as bytes,
// so a 100 000-line run never builds, joins and re-encodes megabytes of strings.

export class ByteSink {
  private buf: Buffer;
  private len = 0;
  /** Buffers handed back after their bytes were written (give): reused, so a long run allocates almost nothing. */
  private spare: ArrayBuffer[] = [];

  constructor(size = 64 * 1024) {
    this.buf = Buffer.allocUnsafeSlow(size);
  }

  private room(n: number): void {
    if (this.len + n <= this.buf.length) return;
    const next = Buffer.allocUnsafeSlow(Math.max(this.buf.length * 2, this.len + n));
    this.buf.copy(next, 0, 0, this.len);
    this.buf = next;
  }

  bytes(b: Uint8Array): void {
    this.room(b.length);
    this.buf.set(b, this.len);
    this.len += b.length;
  }

  text(s: string): void {
    this.room(s.length * 3); // the most UTF-8 bytes a UTF-16 code unit can take
    this.len += this.buf.write(s, this.len, 'utf8');
  }

  /** The bytes written so far, in a buffer of their own (transferable); the sink starts again, sized alike. */
  take(): Uint8Array {
    const out = new Uint8Array(this.buf.buffer, this.buf.byteOffset, this.len);
    const want = Math.max(1024, Math.ceil(this.len * 1.25));
    const reuse = this.spare.pop();
    this.buf = reuse && reuse.byteLength >= want ? Buffer.from(reuse) : Buffer.allocUnsafeSlow(want);
    this.len = 0;
    return out;
  }

  /** Takes back a buffer that `take` returned, once its bytes are no longer needed. */
  give(b: ArrayBuffer): void {
    if (this.spare.length < 8) this.spare.push(b);
  }
}

const encoded = new WeakMap<object, Buffer>();
/** The bytes sharedJson already made for an object, if any. */
export function cachedJson(o: object): Buffer | undefined {
  return encoded.get(o);
}
/** The JSON of an object shared between results, as UTF-8 bytes: serialised and encoded once. */
export function sharedJson(o: object): Buffer {
  let b = encoded.get(o);
  if (b === undefined) { b = Buffer.from(JSON.stringify(o)); encoded.set(o, b); }
  return b;
}
