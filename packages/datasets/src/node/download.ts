import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { DatasetError } from '../errors.js';

export interface DownloadProgress {
  /** Bytes of the file on disk so far (including bytes from an earlier, resumed attempt). */
  bytes: number;
  total: number;
  attempt: number;
}

export interface DownloadOptions {
  /** The size the file must have, in bytes. */
  size: number;
  /** Hex sha256 the content must have (LFS files). */
  sha256?: string;
  /** Hex git blob id the content must have (small files kept in git). */
  gitOid?: string;
  /** Attempts before giving up; a truncated transfer resumes, a corrupt file is fetched again. */
  attempts?: number;
  fetch?: typeof fetch;
  signal?: AbortSignal;
  onProgress?: (progress: DownloadProgress) => void;
}

export interface DownloadResult {
  path: string;
  bytes: number;
  /** True when the file was already complete and verified in the cache. */
  cached: boolean;
  attempts: number;
}

const DEFAULT_ATTEMPTS = 4;

async function sizeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).size;
  } catch {
    return undefined;
  }
}

async function digestFile(path: string, algorithm: 'sha256' | 'sha1', prefix?: string): Promise<string> {
  const hash = createHash(algorithm);
  if (prefix !== undefined) hash.update(prefix);
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Checks `path` against the expected checksum; returns a description of the mismatch, or undefined. */
async function verify(path: string, options: DownloadOptions): Promise<string | undefined> {
  if (options.sha256 !== undefined) {
    const actual = await digestFile(path, 'sha256');
    return actual === options.sha256.toLowerCase() ? undefined : `sha256 is ${actual}, expected ${options.sha256}`;
  }
  if (options.gitOid !== undefined) {
    const actual = await digestFile(path, 'sha1', `blob ${options.size}\0`);
    return actual === options.gitOid.toLowerCase() ? undefined : `git blob id is ${actual}, expected ${options.gitOid}`;
  }
  return undefined;
}

/** The checksum a verified file is recorded with in its `.verified` sidecar. */
function fingerprint(options: DownloadOptions): string {
  return `${options.size} ${options.sha256 ?? options.gitOid ?? 'size-only'}`;
}

/** Appends the response body (or writes it from the start) to `part`, reporting progress. */
async function receive(response: Response, part: string, offset: number, options: DownloadOptions, attempt: number): Promise<void> {
  if (response.body === null) throw new Error('empty response body');
  let bytes = offset;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      bytes += chunk.length;
      options.onProgress?.({ bytes, total: options.size, attempt });
      callback(null, chunk);
    },
  });
  const body = Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
  await pipeline(body, counter, createWriteStream(part, { flags: offset > 0 ? 'a' : 'w' }), options.signal ? { signal: options.signal } : {});
}

/**
 * Downloads `url` to `dest`, verified against the size and checksum the publisher gives. The
 * transfer goes to `dest.part`: an interrupted or truncated transfer resumes from where it stopped
 * (HTTP Range), a file with the wrong checksum is deleted and fetched again, and `dest` appears
 * (by an atomic rename) only once verified. A verified file is not fetched or hashed again.
 *
 * @example
 * await downloadVerified(url, 'cache/TinyStories-valid.txt', { size: 19_447_407, sha256 });
 */
export async function downloadVerified(url: string, dest: string, options: DownloadOptions): Promise<DownloadResult> {
  const part = `${dest}.part`;
  const marker = `${dest}.verified`;
  await mkdir(dirname(dest), { recursive: true });
  if ((await sizeOf(dest)) === options.size) {
    const recorded = await readFile(marker, 'utf8').catch(() => '');
    if (recorded.trim() === fingerprint(options)) return { path: dest, bytes: options.size, cached: true, attempts: 0 };
  }
  const attempts = options.attempts ?? DEFAULT_ATTEMPTS;
  const problems: string[] = [];
  for (let attempt = 1; attempt <= attempts; attempt++) {
    if (options.signal?.aborted) throw new DatasetError('aborted', `datasets: download of ${url} stopped; ${part} keeps what arrived`);
    let offset = (await sizeOf(part)) ?? 0;
    if (offset > options.size) {
      await rm(part);
      offset = 0;
    }
    if (offset < options.size) {
      try {
        const response = await (options.fetch ?? fetch)(url, {
          headers: offset > 0 ? { Range: `bytes=${offset}-` } : {},
          ...(options.signal ? { signal: options.signal } : {}),
        });
        if (response.status === 416) {
          // The server has nothing past `offset`: what we hold is all there is; verify it below.
        } else if (!response.ok) {
          problems.push(`attempt ${attempt}: HTTP ${response.status}`);
          continue;
        } else {
          // 206 continues the part file; 200 means the server ignored Range, so start over.
          await receive(response, part, response.status === 206 ? offset : 0, options, attempt);
        }
      } catch (error) {
        if (options.signal?.aborted) throw new DatasetError('aborted', `datasets: download of ${url} stopped; ${part} keeps what arrived`, { cause: error });
        problems.push(`attempt ${attempt}: ${(error as Error).message}`);
        continue;
      }
    }
    const received = (await sizeOf(part)) ?? 0;
    if (received < options.size) {
      problems.push(`attempt ${attempt}: transfer ended at ${received} of ${options.size} bytes`);
      continue;
    }
    if (received > options.size) {
      problems.push(`attempt ${attempt}: received ${received} bytes, more than the published ${options.size}`);
      await rm(part);
      continue;
    }
    const mismatch = await verify(part, options);
    if (mismatch !== undefined) {
      problems.push(`attempt ${attempt}: ${mismatch}; discarded`);
      await rm(part);
      continue;
    }
    await rename(part, dest);
    await writeFile(marker, `${fingerprint(options)}\n`);
    return { path: dest, bytes: options.size, cached: false, attempts: attempt };
  }
  throw new DatasetError('download-failed', `datasets: could not download a verified copy of ${url} in ${attempts} attempts: ${problems.join('; ')}`);
}
