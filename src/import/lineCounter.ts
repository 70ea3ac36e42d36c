/**
 * Tells the line of a byte offset in a stream read chunk by chunk, in linear time overall: offsets are
 * asked in increasing order, so each newline is counted once, and only the chunks after the last offset
 * asked are kept (a value that spans chunks keeps them until it is done, as its parser does anyway).
 */
export class LineCounter {
  private chunks: { start: number; bytes: Buffer }[] = [];
  private end = 0;
  private cursor = 0;
  private line = 1;

  /** Takes the next chunk of the stream. */
  push(bytes: Buffer): void {
    this.chunks.push({ start: this.end, bytes });
    this.end += bytes.length;
  }

  /** The 1-based line of a byte offset at or after the last one asked (earlier ones give that line). */
  lineAt(offset: number): number {
    const target = Math.min(offset, this.end);
    while (this.cursor < target && this.chunks.length > 0) {
      const chunk = this.chunks[0] as { start: number; bytes: Buffer };
      const chunkEnd = chunk.start + chunk.bytes.length;
      const stop = Math.min(target, chunkEnd) - chunk.start;
      let at = this.cursor - chunk.start;
      for (;;) {
        const newline = chunk.bytes.indexOf(10, at);
        if (newline === -1 || newline >= stop) break;
        this.line++;
        at = newline + 1;
      }
      this.cursor = chunk.start + stop;
      if (this.cursor >= chunkEnd) this.chunks.shift();
      else break;
    }
    return this.line;
  }

  /** The line the stream has reached so far (its last line once it is all pushed). */
  lastLine(): number {
    return this.lineAt(this.end);
  }
}
