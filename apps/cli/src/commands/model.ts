import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BACKENDS, estimateMemory, initBackend, parameterCount, storedMaskedWeights, validateModelConfig, type Model } from '@cotlab/models';
import { loadAnyModel, readManifest, type CheckpointManifest } from '@cotlab/models/node';
import { UsageError, type CommandGroup, type CommandSpec, type ParsedValues } from '../command.js';
import { stringOption } from '../options.js';

/** Initialises the backend (honouring --backend) and loads a checkpoint dir or a PyTorch LinearModel .safetensors. */
export async function openModel(values: ParsedValues, path: string | undefined, command: string): Promise<{ model: Model; manifest?: CheckpointManifest; backend: string }> {
  if (path === undefined) throw new UsageError(`${command} takes a checkpoint: a directory written by 'cotlab train' or a PyTorch LinearModel .safetensors file`);
  if (!existsSync(path)) throw new UsageError(`${path}: no such file or directory`);
  const name = stringOption(values, 'backend');
  if (name !== undefined && !(BACKENDS as readonly string[]).includes(name)) throw new UsageError(`--backend must be one of ${BACKENDS.join(', ')}; got '${name}'`);
  const backend = await initBackend(name as (typeof BACKENDS)[number] | undefined);
  return { ...(await loadAnyModel(path)), backend };
}

const backendOption = { backend: { type: 'string', valueName: 'NAME', description: `force a backend: ${BACKENDS.join(', ')}` } } as const;

const inspectCommand: CommandSpec = {
  name: 'inspect',
  summary: 'show a checkpoint: architecture, parameter count, memory, training state',
  args: 'CKPT',
  options: { json: { type: 'boolean', description: 'print one JSON object' } },
  async run({ values, positionals, stdout }) {
    const [path] = positionals;
    if (path === undefined) throw new UsageError('model inspect takes a checkpoint directory (or a PyTorch LinearModel .safetensors file)');
    let manifest: CheckpointManifest | undefined;
    let config;
    if (existsSync(path) && statSync(path).isDirectory()) {
      manifest = await readManifest(path);
      config = validateModelConfig(manifest.model);
    } else {
      const { model } = await openModel(values, path, 'model inspect');
      config = model.config;
      model.dispose();
    }
    const count = parameterCount(config);
    const stored = config.kind === 'transformer' ? undefined : storedMaskedWeights(config.contextLength, config.dim, config.blocks);
    const dense = (config.contextLength * config.dim) ** 2;
    const report = {
      path,
      model: config,
      parameterCount: count,
      maskedMap: stored === undefined ? null : { storedFloats: stored, denseFloats: dense, skippedFraction: 1 - stored / dense },
      trainingMemoryBytesBatch32: estimateMemory(config, 32).total,
      training: manifest?.training ?? null,
      tokenizer: manifest?.tokenizer === undefined ? null : typeof manifest.tokenizer === 'string' ? manifest.tokenizer : 'embedded tokenizer.json',
      savedAt: manifest?.savedAt ?? null,
      files: manifest === undefined ? null : ['config.json', 'model.safetensors', 'optimizer.safetensors'].filter((f) => existsSync(join(path, f))),
    };
    if (values['json'] === true) {
      stdout.write(`${JSON.stringify(report)}\n`);
      return 0;
    }
    const lines = [
      `checkpoint   ${path}`,
      `model        ${config.kind}: T=${config.contextLength} d=${config.dim} V=${config.vocabSize}${config.kind === 'transformer' ? ` layers=${config.layers} heads=${config.heads}` : ` blocks=${config.blocks}`}`,
      `parameters   ${count.toLocaleString('en-US')} (the paper's count: unmasked weights only)`,
    ];
    if (report.maskedMap !== null) lines.push(`masked map   stores ${report.maskedMap.storedFloats.toLocaleString('en-US')} of ${dense.toLocaleString('en-US')} floats (skips ${(100 * report.maskedMap.skippedFraction).toFixed(1)}%)`);
    const t = manifest?.training;
    if (t !== undefined) lines.push(`training     step ${t.step}/${t.steps}, ${t.tokens.toLocaleString('en-US')} tokens, data position ${t.position}, loss ${t.loss?.toFixed(4) ?? '?'}${t.evalLoss === undefined ? '' : `, eval ${t.evalLoss.toFixed(4)}`}, backend ${t.backend}`);
    if (report.tokenizer !== null) lines.push(`tokenizer    ${report.tokenizer}`);
    if (report.savedAt !== null) lines.push(`saved        ${report.savedAt}`);
    stdout.write(`${lines.join('\n')}\n`);
    return 0;
  },
};

/** Parses `--ids 1,2,3` (commas or spaces). */
export function parseIds(raw: string, option = 'ids'): Int32Array {
  const parts = raw.split(/[\s,]+/u).filter((s) => s !== '');
  const ids = parts.map(Number);
  const bad = ids.findIndex((n) => !Number.isSafeInteger(n) || n < 0);
  if (parts.length === 0 || bad >= 0) throw new UsageError(`--${option} must be comma-separated token ids ≥ 0, got '${raw}'`);
  return Int32Array.from(ids);
}

const logitsCommand: CommandSpec = {
  name: 'logits',
  summary: 'print the logits a checkpoint (or a PyTorch LinearModel .safetensors) gives for token ids',
  args: 'CKPT',
  options: {
    ids: { type: 'string', valueName: 'I,J,…', description: 'input token ids (at most the context length)' },
    json: { type: 'boolean', description: 'print {"logits": [[…V floats] per position]} as JSON' },
    top: { type: 'string', valueName: 'K', description: 'text output: the K most likely next tokens per position', default: '5' },
    ...backendOption,
  },
  details: `Example:
  cotlab model logits ../shared/golden/linearlm-relu-small.safetensors --ids 11,5,11,7,15 --json`,
  async run({ values, positionals, stdout, stderr }) {
    const raw = stringOption(values, 'ids');
    if (raw === undefined) throw new UsageError('--ids is required, e.g. --ids 1,2,3');
    const ids = parseIds(raw);
    const { model, backend } = await openModel(values, positionals[0], 'model logits');
    try {
      const { vocabSize: V, contextLength: T } = model.config;
      if (ids.length > T) throw new UsageError(`--ids has ${ids.length} tokens, more than the context length T = ${T}`);
      const bad = ids.findIndex((i) => i >= V);
      if (bad >= 0) throw new UsageError(`--ids: id ${ids[bad]} at position ${bad} is outside the vocabulary [0, ${V - 1}]`);
      const flat = model.logits([ids])[0]!;
      const rows = Array.from({ length: ids.length }, (_, i) => Array.from(flat.subarray(i * V, (i + 1) * V)));
      stderr.write(`backend ${backend}\n`);
      if (values['json'] === true) {
        stdout.write(`${JSON.stringify({ backend, logits: rows })}\n`);
        return 0;
      }
      const k = Math.min(V, Number(stringOption(values, 'top') ?? 5));
      for (const [i, row] of rows.entries()) {
        const top = row.map((v, id) => [id, v] as const).sort((a, b) => b[1] - a[1]).slice(0, k);
        stdout.write(`${String(i).padStart(4)} ${String(ids[i]).padStart(6)} → ${top.map(([id, v]) => `${id}:${v.toFixed(4)}`).join('  ')}\n`);
      }
      return 0;
    } finally {
      model.dispose();
    }
  },
};

export const modelCommand: CommandGroup = {
  name: 'model',
  summary: 'inspect checkpoints and print their logits',
  commands: [inspectCommand, logitsCommand],
};
