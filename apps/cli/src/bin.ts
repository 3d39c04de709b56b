#!/usr/bin/env node
import { main } from './cli.js';

// Ctrl-C once: ask the running command to stop at its next safe point (it saves a checkpoint).
// Ctrl-C twice: leave at once.
const controller = new AbortController();
process.on('SIGINT', () => {
  if (controller.signal.aborted) process.exit(130);
  process.stderr.write('\ncotlab: stopping at the next safe point (Ctrl-C again to quit now)…\n');
  controller.abort();
});

const code = await main(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, signal: controller.signal });
process.exitCode = code;
