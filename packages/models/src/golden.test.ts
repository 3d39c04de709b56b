import { readFileSync } from 'node:fs';
import { expectClose, sharedPath, SHARED_SKIP_REASON, sharedDir } from '@cotlab/test-utils';
import { beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { modelFromTorchStateDict } from './create-model.js';
import { parseSafetensors, serializeSafetensors } from './safetensors.js';

interface Golden {
  activation: string;
  num_tokens: number;
  T: number;
  d: number;
  inputs: number[][];
  logits: number[][][];
}

describe.skipIf(!sharedDir)(`the paper's LinearModel golden logits (${SHARED_SKIP_REASON} otherwise)`, () => {
  beforeAll(async () => {
    await initBackend('wasm');
  });

  for (const name of ['linear', 'relu'] as const) {
    for (const blocks of [1, 2, 3]) {
      it(`${name}: loaded PyTorch weights reproduce every logit (blocks = ${blocks})`, () => {
        const path = sharedPath('golden', `linearlm-${name}-small.safetensors`)!;
        const golden = JSON.parse(readFileSync(sharedPath('golden', `linearlm-${name}-small.json`)!, 'utf8')) as Golden;
        const { tensors } = parseSafetensors(readFileSync(path), path);
        const model = modelFromTorchStateDict(tensors, path, { blocks });
        expect(model.config).toMatchObject({ kind: name === 'relu' ? 'mlp' : 'linear', vocabSize: golden.num_tokens, contextLength: golden.T, dim: golden.d });
        const out = model.logits(golden.inputs.map((s) => Int32Array.from(s)));
        for (const [b, seq] of golden.inputs.entries()) {
          // rows past the input are the PyTorch model's predictions after padding: not ours to return
          expectClose(out[b]!, golden.logits[b]!.slice(0, seq.length), { rtol: 1e-4, atol: 1e-5 });
        }
        model.dispose();
      });
    }

    it(`${name}: saving writes the paper's names and shapes, and the unmasked values`, () => {
      const path = sharedPath('golden', `linearlm-${name}-small.safetensors`)!;
      const { tensors } = parseSafetensors(readFileSync(path), path);
      const model = modelFromTorchStateDict(tensors, path);
      const saved = parseSafetensors(serializeSafetensors(model.exportWeights())).tensors;
      expect([...saved.keys()].sort()).toEqual([...tensors.keys()].sort());
      const { T, d } = { T: model.config.contextLength, d: model.config.dim };
      for (const [key, t] of tensors) {
        const s = saved.get(key)!;
        expect(s.shape).toEqual(t.shape);
        if (key !== 'linear1.weight') {
          expectClose(s.data, t.data, { rtol: 0, atol: 0 });
          continue;
        }
        const Td = T * d;
        const expected = t.data.map((w, k) => (Math.floor((k % Td) / d) <= Math.floor(Math.floor(k / Td) / d) ? w : 0));
        expectClose(s.data, expected, { rtol: 0, atol: 0 });
      }
      model.dispose();
    });
  }
});
