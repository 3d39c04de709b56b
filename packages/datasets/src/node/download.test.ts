import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FakeHub, type FakeFile } from '../../test/fake-hub.js';
import { DatasetError } from '../errors.js';
import { hubFileUrl } from '../tinystories.js';
import { downloadVerified } from './download.js';
import { obtainTinyStories } from './obtain.js';

const REPO = 'roneneldan/TinyStories';
const content = Buffer.from(Array.from({ length: 50_000 }, (_, i) => `line ${i}\n`).join(''));
const sha256 = createHash('sha256').update(content).digest('hex');

let hub: FakeHub | undefined;
afterEach(async () => {
  await hub?.stop();
  hub = undefined;
});

async function serve(file: FakeFile): Promise<{ url: string; dest: string }> {
  hub = new FakeHub(REPO, new Map([['TinyStories-valid.txt', file]]));
  await hub.start();
  return { url: hubFileUrl(REPO, 'TinyStories-valid.txt', 'main', hub.endpoint), dest: join(mkdtempSync(join(tmpdir(), 'cotlab-dl-')), 'valid.txt') };
}

describe('downloadVerified', () => {
  it('downloads, verifies, and then serves from the cache without fetching', async () => {
    const { url, dest } = await serve({ content });
    const first = await downloadVerified(url, dest, { size: content.length, sha256 });
    expect(first).toMatchObject({ cached: false, attempts: 1 });
    expect(readFileSync(dest).equals(content)).toBe(true);
    const second = await downloadVerified(url, dest, { size: content.length, sha256 });
    expect(second.cached).toBe(true);
    expect(hub!.requests).toHaveLength(1);
  });
  it('resumes a truncated transfer with a Range request', async () => {
    const { url, dest } = await serve({ content, fault: { kind: 'truncate', times: 1 } });
    const result = await downloadVerified(url, dest, { size: content.length, sha256 });
    expect(result.attempts).toBe(2);
    expect(hub!.requests[1]?.range).toBe(`bytes=${Math.floor(content.length / 2)}-`);
    expect(hub!.requests[1]?.status).toBe(206);
    expect(readFileSync(dest).equals(content)).toBe(true);
  });
  it('resumes a part file left by an interrupted earlier run', async () => {
    const { url, dest } = await serve({ content });
    writeFileSync(`${dest}.part`, content.subarray(0, 1000));
    await downloadVerified(url, dest, { size: content.length, sha256 });
    expect(hub!.requests[0]?.range).toBe('bytes=1000-');
    expect(readFileSync(dest).equals(content)).toBe(true);
  });
  it('discards a corrupted file and fetches it again; never keeps bad bytes', async () => {
    const { url, dest } = await serve({ content, fault: { kind: 'corrupt', times: 1 } });
    const result = await downloadVerified(url, dest, { size: content.length, sha256 });
    expect(result.attempts).toBe(2);
    expect(readFileSync(dest).equals(content)).toBe(true);
  });
  it('starts over when the server ignores Range', async () => {
    const { url, dest } = await serve({ content, fault: { kind: 'ignore-range', times: 5 } });
    writeFileSync(`${dest}.part`, content.subarray(0, 1000));
    await downloadVerified(url, dest, { size: content.length, sha256 });
    expect(readFileSync(dest).equals(content)).toBe(true);
  });
  it('gives up with every reason after its attempts, leaving no file at dest', async () => {
    const { url, dest } = await serve({ content, fault: { kind: 'corrupt', times: 10 } });
    const error = await downloadVerified(url, dest, { size: content.length, sha256, attempts: 2 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DatasetError);
    expect((error as DatasetError).code).toBe('download-failed');
    expect((error as Error).message).toMatch(/attempt 1: sha256 is [0-9a-f]+, expected .*attempt 2/);
    expect(existsSync(dest)).toBe(false);
  });
  it('stops when aborted, keeping the part file for a later resume', async () => {
    const { url, dest } = await serve({ content });
    const controller = new AbortController();
    controller.abort();
    await expect(downloadVerified(url, dest, { size: content.length, sha256, signal: controller.signal })).rejects.toMatchObject({ code: 'aborted' });
  });
});

describe('obtainTinyStories', () => {
  it('reads size and sha256 from the hub listing, then downloads into the cache', async () => {
    hub = new FakeHub(REPO, new Map([['TinyStories-valid.txt', { content, fault: { kind: 'truncate', times: 1 } }]]));
    await hub.start();
    const cacheDir = mkdtempSync(join(tmpdir(), 'cotlab-cache-'));
    const seen: number[] = [];
    const path = await obtainTinyStories('valid', { endpoint: hub.endpoint, cacheDir, onProgress: (p) => seen.push(p.bytes) });
    expect(readFileSync(path).equals(content)).toBe(true);
    expect(path.startsWith(cacheDir)).toBe(true);
    expect(seen.at(-1)).toBe(content.length);
    expect(hub.requests[0]?.path).toMatch(/^\/api\/datasets\/roneneldan\/TinyStories\/tree\//);
  });
  it('names the files the repository has when one is missing', async () => {
    hub = new FakeHub(REPO, new Map([['other.txt', { content }]]));
    await hub.start();
    await expect(obtainTinyStories('valid', { endpoint: hub.endpoint, cacheDir: mkdtempSync(join(tmpdir(), 'c-')) })).rejects.toThrow(/'TinyStories-valid.txt' is not in roneneldan\/TinyStories; it has: other.txt/);
  });
});
