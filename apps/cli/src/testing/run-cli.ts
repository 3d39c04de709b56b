import { PassThrough } from 'node:stream';
import { main } from '../cli.js';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Runs the CLI in-process on `argv` and captures its exit code, stdout and stderr (for tests). */
export async function runCli(argv: readonly string[], signal: AbortSignal = new AbortController().signal): Promise<CliRun> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(argv, { stdout, stderr, signal });
  return { code, out, err };
}
