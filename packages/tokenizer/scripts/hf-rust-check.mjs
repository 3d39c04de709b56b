// One-off check that Hugging Face's Rust `tokenizers` (the library Python's `tokenizers` wraps)
// reads our tokenizer.json files and gives our ids. Not part of the test suite: its npm binding
// ships native code. Usage, from packages/tokenizer after `pnpm build`:
//   mkdir -p /tmp/hfcheck && (cd /tmp/hfcheck && npm init -y >/dev/null && npm install tokenizers@0.23.2)
//   NODE_PATH=/tmp/hfcheck/node_modules node scripts/hf-rust-check.mjs
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CharTokenizer, gpt2Tokenizer, malachProductTokenizer, readTokenizerFile, trainByteLevelBpeFromFiles } from '../dist/node.js';

const require = createRequire(join(process.env.NODE_PATH ?? '/tmp/hfcheck/node_modules', 'x.js'));
const { Tokenizer } = require('tokenizers');
const shared = process.env.COTLAB_SHARED ?? new URL('../../../../shared', import.meta.url).pathname;
const train = join(shared, 'data/tinystories/train-sample.txt');
const stories = readFileSync(join(shared, 'data/tinystories/valid-sample.txt'), 'utf8').split('\n\n').slice(0, 400);
const extra = ["They're  happy!!\n\n\tYes, 42 — é😀", '   lead and trail   ', 'a<|endoftext|>b', ''];
const dir = mkdtempSync(join(tmpdir(), 'hf-rust-check-'));
const save = (name, tok) => {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(tok.toJSON()));
  return path;
};
const cases = [
  [save('tok4096.json', await trainByteLevelBpeFromFiles([train], { vocabSize: 4096 })), [...stories, ...extra]],
  [save('gpt2.json', await gpt2Tokenizer()), [...stories, ...extra]],
  [save('malach.json', malachProductTokenizer()), ['[BOS] 1 2 3 4 x 5 6 7 8 = ( 4x8 + 1 ) =', '1  2\n3', 'q 1']],
  [save('char.json', CharTokenizer.fromCorpus(['abcdefghijklmnopqrstuvwxyz .,!?\n'], { specials: { unk: '<unk>' } })), ['hello world.\nok!', 'abc?']],
];
let failed = false;
for (const [path, texts] of cases) {
  const rust = Tokenizer.fromFile(path);
  const ours = await readTokenizerFile(path);
  let ids = 0;
  let text = 0;
  for (const t of texts) {
    const theirs = (await rust.encode(t, null, { addSpecialTokens: false })).getIds();
    const mine = ours.encode(t, { allowUnknown: true });
    if (JSON.stringify(theirs) === JSON.stringify(mine)) ids++;
    if ((await rust.decode(mine, false)) === ours.decode(mine)) text++;
  }
  failed ||= ids !== texts.length || text !== texts.length;
  console.log(`${path.split('/').pop()}: ids equal ${ids}/${texts.length}, decoded text equal ${text}/${texts.length}`);
}
process.exit(failed ? 1 : 0);
