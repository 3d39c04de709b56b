import { DatasetError } from '../errors.js';
import { HUB_ENDPOINT, hubTreeUrl } from '../tinystories.js';

/** What the hub publishes about one file: its size and how to verify its bytes. */
export interface HubFileInfo {
  path: string;
  size: number;
  /** sha256 of the content, for files stored with Git LFS (all of TinyStories' data files). */
  sha256?: string;
  /** Git blob id (sha1 of `blob <size>\0<content>`), for small files stored in git itself. */
  gitOid?: string;
}

export interface HubOptions {
  revision?: string;
  endpoint?: string;
  fetch?: typeof fetch;
  signal?: AbortSignal;
}

interface TreeEntry {
  type: string;
  path: string;
  size: number;
  oid?: string;
  lfs?: { oid: string; size: number };
}

function isTreeEntry(value: unknown): value is TreeEntry {
  const v = value as Partial<TreeEntry> | null;
  return typeof v === 'object' && v !== null && typeof v.type === 'string' && typeof v.path === 'string' && typeof v.size === 'number';
}

/**
 * Lists the files of one directory of a dataset repository with sizes and checksums, from the
 * hub's tree API (`/api/datasets/<repo>/tree/<revision>/<dir>`).
 *
 * @example const files = await listHubFiles('roneneldan/TinyStories', 'data');
 */
export async function listHubFiles(repo: string, directory = '', options: HubOptions = {}): Promise<HubFileInfo[]> {
  const url = hubTreeUrl(repo, options.revision, options.endpoint ?? HUB_ENDPOINT, directory);
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(url, options.signal ? { signal: options.signal } : {});
  } catch (error) {
    throw new DatasetError('hub-metadata', `datasets: cannot reach the hub at ${url}: ${(error as Error).message}`, { cause: error });
  }
  if (!response.ok) throw new DatasetError('hub-metadata', `datasets: ${url} answered HTTP ${response.status}`);
  const body: unknown = await response.json();
  if (!Array.isArray(body) || !body.every(isTreeEntry)) {
    throw new DatasetError('hub-metadata', `datasets: ${url} did not return a file listing (expected an array of { type, path, size })`);
  }
  return body
    .filter((entry) => entry.type === 'file')
    .map((entry) => ({
      path: entry.path,
      size: entry.lfs?.size ?? entry.size,
      ...(entry.lfs ? { sha256: entry.lfs.oid } : entry.oid ? { gitOid: entry.oid } : {}),
    }));
}

/** Size and checksum of one file of a dataset repository, as the hub publishes them. */
export async function hubFileInfo(repo: string, path: string, options: HubOptions = {}): Promise<HubFileInfo> {
  const slash = path.lastIndexOf('/');
  const files = await listHubFiles(repo, slash < 0 ? '' : path.slice(0, slash), options);
  const info = files.find((f) => f.path === path);
  if (info === undefined) {
    throw new DatasetError('not-found', `datasets: '${path}' is not in ${repo}; it has: ${files.map((f) => f.path).join(', ')}`);
  }
  return info;
}
