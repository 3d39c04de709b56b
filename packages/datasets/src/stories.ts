/** The line that separates stories in TinyStories' `.txt` files. */
export const END_OF_TEXT = '<|endoftext|>';

/**
 * Splits a TinyStories `.txt` text into stories: stories are separated by lines holding only
 * `<|endoftext|>`; each story is trimmed, and empty ones are dropped.
 *
 * @example splitStories('One.\n<|endoftext|>\nTwo.\n') // → ['One.', 'Two.']
 */
export function splitStories(text: string): string[] {
  const splitter = new StorySplitter();
  return [...splitter.push(text), ...splitter.end()];
}

/**
 * Incremental version of {@link splitStories} for streams: feed text chunks of any size (a chunk
 * may end inside a line), get back the stories completed so far.
 */
export class StorySplitter {
  private pendingLine = '';
  private story: string[] = [];

  /** Adds a chunk; returns the stories it completed. */
  push(chunk: string): string[] {
    const done: string[] = [];
    const lines = (this.pendingLine + chunk).split('\n');
    this.pendingLine = lines.pop() ?? '';
    for (const line of lines) this.takeLine(line, done);
    return done;
  }

  /** Ends the stream; returns the last story if it has text. */
  end(): string[] {
    const done: string[] = [];
    if (this.pendingLine !== '') this.takeLine(this.pendingLine, done);
    this.pendingLine = '';
    this.flush(done);
    return done;
  }

  private takeLine(line: string, done: string[]): void {
    if (line.trim() === END_OF_TEXT) this.flush(done);
    else this.story.push(line);
  }

  private flush(done: string[]): void {
    const text = this.story.join('\n').trim();
    this.story = [];
    if (text !== '') done.push(text);
  }
}
