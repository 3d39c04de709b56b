// Child-process entry of compareFormats: runs one reproduction in a fresh process (a fresh
// WebAssembly memory, so a cell that exhausts or corrupts it cannot take the next cells down) and
// reports progress and the result to the parent over IPC.
import type { BackendName } from '@cotlab/models';
import type { ReproducePreset } from '../reproduce/presets.js';
import { reproduceMultiplication } from './reproduce-multiplication.js';

/** What the parent sends. */
export interface CellJob {
  preset: ReproducePreset;
  outDir: string;
  command: string;
  backend?: BackendName;
}

/** Messages to the parent. */
export type CellMessage =
  | { type: 'event'; event: unknown }
  | { type: 'done'; report: unknown }
  | { type: 'error'; message: string };

const send = (message: CellMessage): Promise<void> =>
  new Promise((resolve) => {
    if (process.send === undefined) resolve();
    else process.send(message, undefined, {}, () => resolve());
  });

process.once('message', (job: CellJob) => {
  const controller = new AbortController();
  process.once('SIGTERM', () => controller.abort(new Error('stopped by the parent')));
  // a parent that dies without a word closes the IPC channel: stop rather than run on orphaned
  process.once('disconnect', () => controller.abort(new Error('the parent process is gone')));
  reproduceMultiplication({
    preset: job.preset,
    outDir: job.outDir,
    command: job.command,
    checkpoint: false,
    evaluateOnAbort: false,
    signal: controller.signal,
    ...(job.backend === undefined ? {} : { backend: job.backend }),
    onProgress: (event) => void send({ type: 'event', event }),
  })
    .then(({ report }) => send({ type: 'done', report }))
    .catch((error: unknown) => send({ type: 'error', message: error instanceof Error ? error.message : String(error) }))
    .finally(() => process.exit(0));
});
