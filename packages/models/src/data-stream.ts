import type { TokenSequenceLike } from './batch.js';

export type SequenceSource = Iterable<TokenSequenceLike> | AsyncIterable<TokenSequenceLike>;

/**
 * Reads sequences in order, counting them so a checkpoint can record the position. A re-iterable
 * source (an array, or any iterable whose iterator is a fresh object) is restarted at its end, so
 * training can run several epochs; a one-shot iterator ends the stream.
 */
export class SequenceStream {
  private iterator: Iterator<TokenSequenceLike> | AsyncIterator<TokenSequenceLike> | undefined;
  /** Sequences read so far, over all epochs. */
  position = 0;
  private emptyEpoch = true;

  constructor(private readonly source: SequenceSource) {}

  private open(): Iterator<TokenSequenceLike> | AsyncIterator<TokenSequenceLike> {
    const s = this.source;
    if (Symbol.asyncIterator in s) return s[Symbol.asyncIterator]();
    return s[Symbol.iterator]();
  }

  /** The next sequence, or undefined when a one-shot source is exhausted. */
  async next(): Promise<TokenSequenceLike | undefined> {
    for (let attempt = 0; attempt < 2; attempt++) {
      this.iterator ??= this.open();
      const r = await this.iterator.next();
      if (r.done !== true) {
        this.position += 1;
        this.emptyEpoch = false;
        return r.value;
      }
      const fresh = this.open();
      if (fresh === this.iterator || this.emptyEpoch) return undefined;
      this.iterator = fresh;
      this.emptyEpoch = true;
    }
    return undefined;
  }

  /** Up to `count` sequences (fewer only at the end of a one-shot source). */
  async take(count: number): Promise<TokenSequenceLike[]> {
    const out: TokenSequenceLike[] = [];
    while (out.length < count) {
      const s = await this.next();
      if (s === undefined) break;
      out.push(s);
    }
    return out;
  }

  /** Skips `count` sequences (to resume at a checkpoint's data position). */
  async skip(count: number): Promise<void> {
    while (this.position < count) {
      if ((await this.next()) === undefined) break;
    }
  }
}
