import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { DatasetError } from '../errors.js';
import { hubFileUrl, TINYSTORIES_FILES, TINYSTORIES_REPO, TINYSTORIES_REVISION, type TinyStoriesFile } from '../tinystories.js';
import { downloadVerified, type DownloadProgress } from './download.js';
import { hubFileInfo, listHubFiles, type HubOptions } from './hub.js';

/** Where downloads are cached: `$COTLAB_CACHE`, else `$XDG_CACHE_HOME/cotlab`, else `~/.cache/cotlab`. */
export function defaultCacheDir(): string {
  const env = process.env;
  return env['COTLAB_CACHE'] ?? join(env['XDG_CACHE_HOME'] ?? join(homedir(), '.cache'), 'cotlab');
}

export interface ObtainOptions extends HubOptions {
  cacheDir?: string;
  onProgress?: (progress: DownloadProgress & { file: string }) => void;
}

async function obtainHubFile(repo: string, path: string, options: ObtainOptions): Promise<string> {
  const revision = options.revision ?? TINYSTORIES_REVISION;
  const info = await hubFileInfo(repo, path, { ...options, revision });
  const dest = join(options.cacheDir ?? defaultCacheDir(), 'datasets', repo, revision, path);
  const result = await downloadVerified(hubFileUrl(repo, path, revision, options.endpoint), dest, {
    size: info.size,
    ...(info.sha256 === undefined ? {} : { sha256: info.sha256 }),
    ...(info.gitOid === undefined ? {} : { gitOid: info.gitOid }),
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    ...(options.onProgress ? { onProgress: (p: DownloadProgress) => options.onProgress?.({ ...p, file: path }) } : {}),
  });
  return result.path;
}

/**
 * Returns a local, verified copy of a TinyStories text file, downloading it from the hub into the
 * cache on first use (resumable; checked against the size and sha256 the hub publishes).
 *
 * @example const path = await obtainTinyStories('valid');
 */
export async function obtainTinyStories(file: TinyStoriesFile, options: ObtainOptions = {}): Promise<string> {
  return obtainHubFile(TINYSTORIES_REPO, TINYSTORIES_FILES[file], options);
}

/** Downloads (or finds cached) every parquet shard of a split (`train` or `validation`); returns their paths in order. */
export async function obtainTinyStoriesParquet(split: 'train' | 'validation', options: ObtainOptions = {}): Promise<string[]> {
  const revision = options.revision ?? TINYSTORIES_REVISION;
  const shards = (await listHubFiles(TINYSTORIES_REPO, 'data', { ...options, revision }))
    .filter((f) => f.path.startsWith(`data/${split}-`) && f.path.endsWith('.parquet'))
    .sort((a, b) => a.path.localeCompare(b.path));
  if (shards.length === 0) throw new DatasetError('not-found', `datasets: ${TINYSTORIES_REPO} has no parquet shards for split '${split}' under data/`);
  const paths: string[] = [];
  for (const shard of shards) paths.push(await obtainHubFile(TINYSTORIES_REPO, shard.path, { ...options, revision }));
  return paths;
}

/**
 * The TinyStories samples kept beside the checkout at `../shared/data/tinystories` (train ≈ 2,300
 * stories; validation ≈ 900 stories as one text stream), for machines that cannot download.
 * Returns undefined when they are absent.
 */
export function sharedTinyStoriesSample(sharedDir: string): { train: string; valid: string } | undefined {
  const train = join(sharedDir, 'data', 'tinystories', 'train-sample.txt');
  const valid = join(sharedDir, 'data', 'tinystories', 'valid-sample.txt');
  return existsSync(train) && existsSync(valid) ? { train, valid } : undefined;
}
