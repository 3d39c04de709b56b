import { tokenizerFromJSON, type Tokenizer } from '@cotlab/tokenizer';
import { generate } from '@cotlab/models';
import { UsageError, type CommandSpec } from '../command.js';
import { intOption, numberOption, stringOption } from '../options.js';
import { openModel, parseIds } from './model.js';

export const generateCommand: CommandSpec = {
  name: 'generate',
  summary: 'continue a prompt (text or ids) with a checkpoint: greedy, temperature or top-k sampling',
  args: 'CKPT',
  options: {
    prompt: { type: 'string', valueName: 'TEXT', description: "prompt text, encoded with the checkpoint's tokenizer" },
    ids: { type: 'string', valueName: 'I,J,…', description: 'prompt as token ids' },
    'max-new': { type: 'string', valueName: 'N', description: 'new tokens at most', default: '64' },
    temperature: { type: 'string', valueName: 'T', description: '0 = greedy', default: '0' },
    'top-k': { type: 'string', valueName: 'K', description: 'sample among the K most likely (0 = all)', default: '0' },
    seed: { type: 'string', valueName: 'S', description: 'sampling seed', default: '0' },
    eos: { type: 'string', valueName: 'ID', description: "stop after this id (default: the tokenizer's EOS, if any)" },
    json: { type: 'boolean', description: 'print {"ids": […], "text": …} as JSON' },
    backend: { type: 'string', valueName: 'NAME', description: 'force a backend: node, wasm, cpu' },
  },
  details: `Examples:
  cotlab generate runs/mult --prompt "[BOS] 1 2 3 4 x 5 6 7 8 =" --max-new 300
  cotlab generate runs/mult --ids 1,2,3 --temperature 0.8 --top-k 10 --seed 1`,
  async run({ values, positionals, stdout, stderr, signal }) {
    const text = stringOption(values, 'prompt');
    const rawIds = stringOption(values, 'ids');
    if ((text === undefined) === (rawIds === undefined)) throw new UsageError('give exactly one prompt: --prompt TEXT or --ids I,J,…');
    const maxNewTokens = intOption(values, 'max-new', 64, 0);
    const temperature = numberOption(values, 'temperature', 0);
    if (temperature < 0) throw new UsageError(`--temperature must be ≥ 0, got '${temperature}'`);
    const topK = intOption(values, 'top-k', 0, 0);
    const seed = intOption(values, 'seed', 0, 0);
    const { model, manifest, backend } = await openModel(values, positionals[0], 'generate');
    try {
      let tokenizer: Tokenizer | undefined;
      if (manifest?.tokenizer !== undefined && typeof manifest.tokenizer === 'object') tokenizer = tokenizerFromJSON(manifest.tokenizer, `${positionals[0]}/config.json tokenizer`);
      let prompt: Int32Array;
      if (text !== undefined) {
        if (tokenizer === undefined) throw new UsageError('this checkpoint has no tokenizer: give the prompt as --ids');
        prompt = Int32Array.from(tokenizer.encode(text));
        if (prompt.length === 0) throw new UsageError('--prompt encodes to no tokens');
      } else {
        prompt = parseIds(rawIds!);
      }
      const eosRaw = stringOption(values, 'eos');
      const eos = eosRaw !== undefined ? intOption(values, 'eos', 0, 0, model.config.vocabSize - 1) : tokenizer?.specialTokens.eos;
      const [out] = generate(model, [prompt], { maxNewTokens, temperature, topK, seed, signal, ...(eos === undefined ? {} : { eos }) });
      const ids = Array.from(out!);
      stderr.write(`backend ${backend}\n`);
      const decoded = tokenizer === undefined ? undefined : tokenizer.decode(ids);
      if (values['json'] === true) stdout.write(`${JSON.stringify({ prompt: Array.from(prompt), ids, text: decoded ?? null })}\n`);
      else stdout.write(`${decoded ?? ids.join(',')}\n`);
      return 0;
    } finally {
      model.dispose();
    }
  },
};
