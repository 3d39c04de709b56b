import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose, sharedDir, sharedPath, SHARED_SKIP_REASON } from '@cotlab/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../backend.js';
import { createModel } from '../create-model.js';
import { CheckpointShapeError } from '../errors.js';
import { parseSafetensors, serializeSafetensors } from '../safetensors.js';
import { loadCheckpoint, loadTorchLinearModel, readManifest, saveCheckpoint } from './checkpoint.js';

describe('checkpoints (wasm)', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'cotlab-ckpt-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  for (const kind of ['linear', 'mlp', 'transformer'] as const) {
    it(`${kind}: save then load gives the same logits, config and tokenizer`, async () => {
      const dir = tempDir();
      const model = createModel({ kind, vocabSize: 9, contextLength: 6, dim: 4, blocks: 2, heads: 2, layers: 1 }, { seed: 3 });
      await saveCheckpoint(model, dir, { tokenizer: 'malach-product', metadata: { note: 'test' } });
      const { model: loaded, manifest } = await loadCheckpoint(dir);
      expect(manifest.model).toEqual(model.config);
      expect(manifest.tokenizer).toBe('malach-product');
      expect(manifest.parameterCount).toBe(model.parameterCount());
      const ids = [Int32Array.from([1, 2, 3, 4]), Int32Array.from([8, 0])];
      expectClose(loaded.logits(ids), model.logits(ids), { rtol: 0, atol: 0 });
      model.dispose();
      loaded.dispose();
    });
  }

  it('a tensor of the wrong shape is named, with both shapes', async () => {
    const dir = tempDir();
    const model = createModel({ kind: 'mlp', vocabSize: 9, contextLength: 6, dim: 4 }, { seed: 3 });
    await saveCheckpoint(model, dir);
    const path = join(dir, 'model.safetensors');
    const file = parseSafetensors(readFileSync(path));
    file.tensors.set('linear2.weight', { shape: [4, 5], data: new Float32Array(20) });
    writeFileSync(path, serializeSafetensors(file.tensors, file.metadata));
    const error = await loadCheckpoint(dir).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CheckpointShapeError);
    expect((error as Error).message).toBe(`models: tensor 'linear2.weight' in ${path} has shape [4, 5], expected [4, 4]`);
    model.dispose();
  });

  it('writes atomically: no temporary files are left, and config.json is readable alone', async () => {
    const dir = tempDir();
    const model = createModel({ kind: 'linear', vocabSize: 5, contextLength: 3, dim: 2 }, { seed: 1 });
    await saveCheckpoint(model, dir);
    await saveCheckpoint(model, dir);
    const { readdirSync } = await import('node:fs');
    expect(readdirSync(dir).sort()).toEqual(['config.json', 'model.safetensors']);
    expect((await readManifest(dir)).model.kind).toBe('linear');
    model.dispose();
  });
});

describe.skipIf(!sharedDir)(`loadTorchLinearModel (${SHARED_SKIP_REASON} otherwise)`, () => {
  it('infers the architecture of the paper\'s state dict from names and shapes', async () => {
    await initBackend('wasm');
    const model = await loadTorchLinearModel(sharedPath('golden', 'linearlm-relu-small.safetensors')!);
    expect(model.config).toMatchObject({ kind: 'mlp', vocabSize: 17, contextLength: 5, dim: 3 });
    model.dispose();
  });
});
