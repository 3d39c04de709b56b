import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

/**
 * The ESM entry of tsx's API. Where this runtime has no `import.meta.resolve` (vitest), it is read
 * from tsx's export map: `require.resolve` gives the CommonJS entry, which fails to load when the
 * tests run from the repository root.
 */
function tsxEsmApi(): string {
  const resolveEsm = (import.meta as { resolve?: (s: string) => string }).resolve;
  if (typeof resolveEsm === 'function') return resolveEsm('tsx/esm/api');
  const manifest = createRequire(import.meta.url).resolve('tsx/package.json');
  const { exports } = JSON.parse(readFileSync(manifest, 'utf8')) as { exports: Record<string, { import?: { default?: string } }> };
  const entry = exports['./esm/api']?.import?.default;
  if (entry === undefined) throw new Error(`models: ${manifest} exports no ESM entry for 'tsx/esm/api'`);
  return pathToFileURL(join(dirname(manifest), entry)).href;
}

/**
 * Starts a worker thread on `script`: a JavaScript module as is or, for a TypeScript source (tests,
 * benchmarks, `tsx`), after registering the `tsx` loader (a devDependency of the repository) inside
 * the worker when it did not inherit one from this thread.
 *
 * @example startWorker(new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './worker.js', import.meta.url), data);
 */
export function startWorker(script: URL, workerData: unknown): Worker {
  if (!script.pathname.endsWith('.ts')) return new Worker(script, { workerData });
  const tsxApi = tsxEsmApi();
  // a worker inherits the parent's loaders when the parent runs under tsx; otherwise register tsx
  const bootstrap =
    `import(${JSON.stringify(script.href)}).catch((error) => { if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error; ` +
    `return import(${JSON.stringify(tsxApi)}).then((api) => { api.register(); return import(${JSON.stringify(`${script.href}?tsx`)}); }); });`;
  return new Worker(bootstrap, { eval: true, workerData });
}
