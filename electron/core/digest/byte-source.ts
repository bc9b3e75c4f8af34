import { AppError } from '../../../shared/errors.js';

/** Exact-length reads over a stream of chunks, counting the position; the end of input mid-read is a truncation. */
export class ByteSource {
  position = 0;
  private chunk: Buffer = Buffer.alloc(0);
  private at = 0;

  constructor(
    private readonly chunks: AsyncIterator<Buffer>,
    private readonly archive: string,
  ) {}

  /** True when the input has ended exactly here. */
  async atEnd(): Promise<boolean> {
    return !(await this.fill());
  }

  /** Exactly `length` bytes, copied out of the chunks. */
  async read(length: number): Promise<Buffer> {
    const out = Buffer.allocUnsafe(length);
    let filled = 0;
    await this.stream(length, (part) => {
      part.copy(out, filled);
      filled += part.length;
    });
    return out;
  }

  /** Hand exactly `length` bytes to `sink`, chunk by chunk (the chunks are only valid during the call). */
  async stream(length: number, sink: (chunk: Buffer) => void): Promise<void> {
    let left = length;
    while (left > 0) {
      if (!(await this.fill())) throw new AppError('INVALID_INPUT', 'error.digest.archiveTruncated', { archive: this.archive, offset: this.position });
      const take = Math.min(left, this.chunk.length - this.at);
      sink(this.chunk.subarray(this.at, this.at + take));
      this.at += take;
      this.position += take;
      left -= take;
    }
  }

  skip(length: number): Promise<void> {
    return this.stream(length, () => undefined);
  }

  /** Read to the end, so a decompressor gets to check its trailer. */
  async drain(): Promise<void> {
    while (await this.fill()) {
      this.position += this.chunk.length - this.at;
      this.at = this.chunk.length;
    }
  }

  private async fill(): Promise<boolean> {
    while (this.at >= this.chunk.length) {
      const next = await this.chunks.next();
      if (next.done) return false;
      this.chunk = next.value;
      this.at = 0;
    }
    return true;
  }
}
