import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { CorpusError } from '../errors.js';

let counter = 0;

/** A temporary path in the same directory as `path`, unique within this process. */
export function tempPathFor(path: string): string {
  counter++;
  return join(dirname(path), `.${basename(path)}.tmp-${process.pid}-${Date.now()}-${counter}`);
}

/**
 * A file written to a temporary path beside its destination and renamed into place on `commit()`,
 * so readers never see a half-written file. `discard()` removes the temporary file.
 *
 * @example const f = new AtomicFile('out.bin'); f.write(bytes); f.commit();
 */
export class AtomicFile {
  readonly tempPath: string;
  private fd: number | undefined;
  bytes = 0;

  constructor(readonly path: string) {
    this.tempPath = tempPathFor(path);
    try {
      this.fd = openSync(this.tempPath, 'w');
    } catch (error) {
      const code = (error as { code?: string }).code ?? 'error';
      throw new CorpusError(`cannot write '${path}' (${code}: does its directory exist and is it writable?)`, 'path', { cause: error });
    }
  }

  write(chunk: Uint8Array): void {
    if (this.fd === undefined) throw new Error(`corpus: ${this.path} is already closed`);
    let done = 0;
    while (done < chunk.length) done += writeSync(this.fd, chunk, done, chunk.length - done);
    this.bytes += chunk.length;
  }

  commit(): void {
    if (this.fd === undefined) return;
    fsyncSync(this.fd);
    closeSync(this.fd);
    this.fd = undefined;
    renameSync(this.tempPath, this.path);
  }

  discard(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.tempPath, { force: true });
  }
}

/**
 * Writes a whole file atomically.
 *
 * @example writeFileAtomic('card.json', JSON.stringify(card));
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  const file = new AtomicFile(path);
  try {
    file.write(typeof data === 'string' ? new TextEncoder().encode(data) : data);
    file.commit();
  } catch (error) {
    file.discard();
    throw error;
  }
}
