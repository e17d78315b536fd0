/** PostgreSQL's binary COPY format: a header, then per row its field count and each field's length and bytes. */

/** Writes COPY's binary format into chunks of about `chunkBytes`, each handed out whole. */
export class BinaryCopyWriter {
  private buffer: Buffer;
  private position = 0;
  readonly chunks: Buffer[] = [];

  constructor(private readonly chunkBytes: number) {
    this.buffer = Buffer.allocUnsafe(chunkBytes);
  }

  /** Room for `bytes` more in the current chunk, or a new chunk (the full one goes to `chunks`). */
  reserve(bytes: number): void {
    if (this.position + bytes <= this.buffer.length) return;
    this.flush();
    this.buffer = Buffer.allocUnsafe(Math.max(this.chunkBytes, bytes));
  }

  flush(): void {
    if (this.position) this.chunks.push(this.buffer.subarray(0, this.position));
    this.buffer = Buffer.allocUnsafe(this.chunkBytes);
    this.position = 0;
  }

  int16(value: number): void {
    this.reserve(2);
    this.position = this.buffer.writeInt16BE(value, this.position);
  }

  int32(value: number): void {
    this.reserve(4);
    this.position = this.buffer.writeInt32BE(value, this.position);
  }

  /**
   * Starts a field of at most `bytes` bytes: returns the buffer and where its value goes; `end` closes the field where
   * the value ended. (No callback per value: the records write tens of millions of fields.)
   */
  begin(bytes: number): Buffer {
    this.reserve(4 + bytes);
    this.position += 4;
    return this.buffer;
  }

  get at(): number {
    return this.position;
  }

  end(end: number, start: number): void {
    this.buffer.writeInt32BE(end - start, start - 4);
    this.position = end;
  }

  text(value: string): void {
    const buffer = this.begin(3 * value.length);
    const start = this.position;
    this.end(start + buffer.write(value, start, 'utf8'), start);
  }

  /** A field of the given bytes (kept by the caller for values that repeat). */
  bytes(value: Buffer): void {
    const buffer = this.begin(value.length);
    const start = this.position;
    this.end(start + value.copy(buffer, start), start);
  }

  null(): void {
    this.int32(-1);
  }
}

export const BINARY_HEADER = Buffer.from('PGCOPY\n\xff\r\n\0\0\0\0\0\0\0\0\0', 'latin1');
export const BINARY_TRAILER = Buffer.from([0xff, 0xff]);

/** Writes one non-null value of a column. */
export type BinaryEncoder = (writer: BinaryCopyWriter, value: unknown) => void;
