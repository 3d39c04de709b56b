/**
 * Training a 4,096-token byte-level BPE on TinyStories train-sample.txt (2 MB), from the file
 * (streaming, as the CLI does). Baselines measured in the same run: one encode pass of the same
 * text by gpt-tokenizer (a well-known unit of work), and our counting phase alone.
 * Goal (issue 3): ≤ 10 s on a 2-core machine.
 * Run: pnpm --filter @cotlab/tokenizer bench
 */
import { readFileSync } from 'node:fs';
import { BpeTrainer } from '@cotlab/tokenizer';
import { trainByteLevelBpeFromFiles } from '@cotlab/tokenizer/node';
import { encode as gptTokenizerEncode } from 'gpt-tokenizer/encoding/r50k_base';
import { report, sharedFile, timeMedian } from './common.js';

const REPS = 3;
const VOCAB_SIZE = 4096;
const path = sharedFile('data', 'tinystories', 'train-sample.txt');
const text = readFileSync(path, 'utf8');
const megabytes = Buffer.byteLength(text) / 1e6;

async function timeAsync(fn: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REPS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(REPS / 2)]!;
}

let size = 0;
const trainMs = await timeAsync(async () => {
  size = (await trainByteLevelBpeFromFiles([path], { vocabSize: VOCAB_SIZE })).size;
});
const countMs = timeMedian(REPS, () => new BpeTrainer({ vocabSize: VOCAB_SIZE }).addText(text));
const plain = text.replaceAll('<|endoftext|>', '');
const encodeMs = timeMedian(REPS, () => gptTokenizerEncode(plain));

report(
  'train',
  [
    { step: `train ${VOCAB_SIZE}-token BPE from the file`, seconds: Number((trainMs / 1000).toFixed(3)), '÷ gpt-tokenizer encode pass': Number((trainMs / encodeMs).toFixed(2)) },
    { step: 'of which: counting words (in memory)', seconds: Number((countMs / 1000).toFixed(3)), '÷ gpt-tokenizer encode pass': Number((countMs / encodeMs).toFixed(2)) },
    { step: 'baseline: gpt-tokenizer encodes the same text once', seconds: Number((encodeMs / 1000).toFixed(3)), '÷ gpt-tokenizer encode pass': 1 },
  ],
  { input: 'tinystories/train-sample.txt', megabytes, vocabSize: VOCAB_SIZE, resultSize: size, goalSeconds: 10, reps: REPS, note: 'median of reps; shared 2-core machine, absolute seconds are noisy' },
);
