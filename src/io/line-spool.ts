import { closeSync, openSync, promises as fs, writeSync } from 'node:fs';

const NEWLINE = new Uint8Array([0x0a]);

/**
 * A temporary file written line by line, synchronously, through one reused buffer (the batch's spool of companies,
 * rejected inputs and problems). A line is copied into the buffer as it is given, so its string is garbage at once:
 * lines queued in a stream instead lived until the disk had them, and a long batch's main thread grew its young
 * generation to hold them (16 MB more resident memory at 100,000 companies). The buffer goes to disk when full.
 */
export class LineSpool {
  private readonly fd: number;
  private readonly buffer = Buffer.allocUnsafe(64 * 1024);
  private used = 0;
  private closed = false;

  constructor(file: string) {
    this.fd = openSync(file, 'w', 0o600);
  }

  /** Appends `text` and a newline. */
  line(text: string): void {
    // at most 3 bytes of UTF-8 per UTF-16 unit (a surrogate pair: 4 bytes for 2 units)
    if (this.used + text.length * 3 + 1 > this.buffer.length) {
      this.flush();
      if (text.length * 3 + 1 > this.buffer.length) {
        this.writeAll(Buffer.from(`${text}\n`, 'utf8'));
        return;
      }
    }
    this.used += this.buffer.write(text, this.used, 'utf8');
    this.buffer[this.used++] = 0x0a;
  }

  /** Appends a line given as UTF-8 `bytes` (without its newline) and a newline. */
  bytes(bytes: Uint8Array): void {
    if (this.used + bytes.length + 1 > this.buffer.length) {
      this.flush();
      if (bytes.length + 1 > this.buffer.length) {
        this.writeAll(bytes);
        this.writeAll(NEWLINE);
        return;
      }
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
    this.buffer[this.used++] = 0x0a;
  }

  /** Appends lines given as UTF-8 `bytes`, each already ending in a newline. */
  lines(bytes: Uint8Array): void {
    if (this.used + bytes.length > this.buffer.length) {
      this.flush();
      if (bytes.length > this.buffer.length) {
        this.writeAll(bytes);
        return;
      }
    }
    this.buffer.set(bytes, this.used);
    this.used += bytes.length;
  }

  /** Writes what is buffered and closes the file. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.flush();
    } finally {
      closeSync(this.fd);
    }
  }

  /** Closes the file without writing what is buffered (a run that failed); nothing if already closed. */
  abandon(): void {
    if (this.closed) return;
    this.closed = true;
    closeSync(this.fd);
  }

  private flush(): void {
    if (this.used) this.writeAll(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private writeAll(bytes: Uint8Array): void {
    for (let done = 0; done < bytes.length; ) done += writeSync(this.fd, bytes, done, bytes.length - done);
  }
}

/**
 * The lines of a spool file as UTF-8 bytes, without their newline, in order; empty lines are skipped. Each line is a
 * view into a buffer that the next line may reuse: copy it before reading on. A batch's output copies most lines as
 * they are, so they are neither decoded nor encoded again.
 */
export async function* spooledLines(file: string): AsyncGenerator<Uint8Array> {
  const handle = await fs.open(file, 'r');
  try {
    let chunk = Buffer.allocUnsafe(256 * 1024);
    // bytes of a line begun at the end of the previous read, moved to the start of `chunk`
    let kept = 0;
    for (;;) {
      if (kept === chunk.length) {
        // a line longer than the buffer: a larger one
        const larger = Buffer.allocUnsafe(chunk.length * 2);
        chunk.copy(larger, 0, 0, kept);
        chunk = larger;
      }
      const { bytesRead } = await handle.read(chunk, kept, chunk.length - kept, null);
      const end = kept + bytesRead;
      let start = 0;
      for (let nl = chunk.indexOf(0x0a, kept); nl >= 0 && nl < end; nl = chunk.indexOf(0x0a, start)) {
        if (nl > start) yield chunk.subarray(start, nl);
        start = nl + 1;
      }
      if (bytesRead === 0) {
        if (end > start) yield chunk.subarray(start, end);
        return;
      }
      kept = end - start;
      chunk.copy(chunk, 0, start, end);
    }
  } finally {
    await handle.close();
  }
}

/** A spooled line's text (its bytes decoded as UTF-8, not copied first). */
export const lineText = (line: Uint8Array): string => Buffer.from(line.buffer, line.byteOffset, line.byteLength).toString('utf8');

/** The values of a spool file of JSON lines, parsed one at a time, in order (bounded memory). */
export async function* readSpool<T>(file: string): AsyncGenerator<T> {
  for await (const line of spooledLines(file)) yield JSON.parse(lineText(line)) as T;
}
