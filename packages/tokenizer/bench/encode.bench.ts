/**
 * Encode throughput (MB/s of UTF-8 input) on TinyStories train-sample.txt: our trained 4,096-token
 * byte-level BPE and our encoder with GPT-2's ranks, against the GPT-2 tokenizer packages
 * (gpt-tokenizer, js-tiktoken) in the same run. Cold = word caches cleared before each pass.
 * Run: pnpm --filter @cotlab/tokenizer bench
 */
import { readFileSync } from 'node:fs';
import { gpt2Tokenizer, SentencePieceBpeTokenizer, trainByteLevelBpeSync } from '@cotlab/tokenizer';
import { clearMergeCache, encode as gptTokenizerEncode } from 'gpt-tokenizer/encoding/r50k_base';
import { Tiktoken } from 'js-tiktoken/lite';
import r50k from 'js-tiktoken/ranks/r50k_base';
import { report, sharedFile, timeMedian } from './common.js';

const REPS = 7;
// The sample separates stories with <|endoftext|> lines; gpt-tokenizer 4's r50k_base refuses that
// special token (or splits it with allowedSpecial), so every encoder gets the stories without it.
const text = readFileSync(sharedFile('data', 'tinystories', 'train-sample.txt'), 'utf8').replaceAll('<|endoftext|>', '');
const megabytes = Buffer.byteLength(text) / 1e6;
const ours4096 = trainByteLevelBpeSync([text], { vocabSize: 4096 });
const oursGpt2 = await gpt2Tokenizer();
const tiktoken = new Tiktoken(r50k);
const tok512 = SentencePieceBpeTokenizer.fromLlama2cBin(new Uint8Array(readFileSync(sharedFile('data', 'tokenizers', 'tok512.bin'))), 'tok512.bin');

// Same ids from our GPT-2 and the package (sanity check, not timed).
if (JSON.stringify(oursGpt2.encode(text)) !== JSON.stringify(gptTokenizerEncode(text))) throw new Error('our GPT-2 encoding differs from gpt-tokenizer');

interface Case {
  name: string;
  encode: () => number;
  clear: () => void;
}
const cases: Case[] = [
  { name: 'cotlab byte-level BPE, 4,096 tokens (trained)', encode: () => ours4096.encode(text).length, clear: () => ours4096.clearCache() },
  { name: 'cotlab encoder, GPT-2 r50k ranks', encode: () => oursGpt2.encode(text).length, clear: () => oursGpt2.clearCache() },
  { name: 'gpt-tokenizer r50k_base (package)', encode: () => gptTokenizerEncode(text).length, clear: () => clearMergeCache() },
  { name: 'js-tiktoken r50k_base (package)', encode: () => tiktoken.encode(text).length, clear: () => undefined },
  { name: 'cotlab SentencePiece BPE, llama2.c tok512', encode: () => tok512.encode(text).length, clear: () => tok512.clearCache() },
];

const rows: Record<string, string | number>[] = [];
const results: Record<string, { coldMBps: number; warmMBps: number; tokens: number }> = {};
// Round-robin over the cases in every repetition, so a change of machine load hits all alike.
const cold = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const warm = new Map<string, number[]>(cases.map((c) => [c.name, []]));
const tokens = new Map<string, number>(cases.map((c) => [c.name, c.encode()]));
for (let rep = 0; rep < REPS; rep++) {
  for (const c of cases) cold.get(c.name)!.push(timeMedian(1, () => c.encode(), c.clear));
  for (const c of cases) warm.get(c.name)!.push(timeMedian(1, () => c.encode()));
}
const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
for (const c of cases) {
  results[c.name] = {
    coldMBps: megabytes / (median(cold.get(c.name)!) / 1000),
    warmMBps: megabytes / (median(warm.get(c.name)!) / 1000),
    tokens: tokens.get(c.name)!,
  };
}
const baseline = results['gpt-tokenizer r50k_base (package)']!;
for (const [name, r] of Object.entries(results)) {
  rows.push({
    tokenizer: name,
    tokens: r.tokens,
    'cold MB/s': Number(r.coldMBps.toFixed(2)),
    'warm MB/s': Number(r.warmMBps.toFixed(2)),
    'cold ÷ gpt-tokenizer': Number((r.coldMBps / baseline.coldMBps).toFixed(2)),
    'warm ÷ gpt-tokenizer': Number((r.warmMBps / baseline.warmMBps).toFixed(2)),
  });
}
report('encode', rows, { input: 'tinystories/train-sample.txt', megabytes, reps: REPS, note: 'median of reps; shared 2-core machine, absolute MB/s are noisy, ratios are from the same run' });
