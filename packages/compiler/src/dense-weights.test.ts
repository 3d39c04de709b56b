import { createCircuitTask, createParityTask } from '@cotlab/corpus';
import { initBackend, modelFromTorchStateDict, parameterCount, generate } from '@cotlab/models';
import { beforeAll, describe, expect, it } from 'vitest';
import { compileLibraryCircuit } from './compile-circuit.js';
import { denseParameterCount, toTorchStateDict } from './dense-weights.js';
import { CompiledSizeError } from './errors.js';
import { countLogParityProgram } from './parity-program.js';
import { sparseLogits, toSparsePredictor } from './sparse-predictor.js';

describe('dense export into the paper LinearModel layout of @cotlab/models', () => {
  beforeAll(async () => {
    await initBackend('cpu');
  });

  it('addition-3: model.logits equals the sparse logits, and greedy generation writes every trace', () => {
    const p = toSparsePredictor(compileLibraryCircuit('addition', 3).program);
    const model = modelFromTorchStateDict(toTorchStateDict(p), 'compiled addition-3');
    expect(model.config).toMatchObject({ kind: 'linear', contextLength: p.length, dim: p.vocabulary.length, vocabSize: p.vocabulary.length });
    expect(model.parameterCount()).toBe(denseParameterCount(p.length, p.vocabulary.length));
    expect(parameterCount(model.config)).toBe(denseParameterCount(p.length, p.vocabulary.length));
    const task = createCircuitTask({ circuit: 'addition', bits: 3 });
    const vocab = task.vocabulary();
    const seqs = [...task.inputs!()].map((x) => {
      const ex = task.example(x);
      return Int32Array.from([...ex.prompt, ...ex.cot, ...ex.answer], (s) => vocab.indexOf(s));
    });
    const logits = model.logits(seqs.slice(0, 8));
    for (const [b, seq] of seqs.slice(0, 8).entries()) {
      for (let i = p.promptLength - 1; i < p.length - 1; i++) {
        const want = sparseLogits(p, seq, i);
        const got = logits[b]!.subarray(i * vocab.length, (i + 1) * vocab.length);
        for (let v = 0; v < vocab.length; v++) expect(Math.abs(got[v]! - want[v]!)).toBeLessThan(1e-3);
      }
    }
    const prompts = seqs.map((s) => s.subarray(0, p.promptLength));
    const out = generate(model, prompts, { maxNewTokens: p.length - p.promptLength });
    for (const [b, seq] of seqs.entries()) expect(Array.from(out[b]!)).toEqual(Array.from(seq.subarray(p.promptLength)));
    model.dispose();
  });

  it('parity-16 count-log: the loaded model generates the right parity on sampled inputs', () => {
    const p = toSparsePredictor(countLogParityProgram(16));
    const model = modelFromTorchStateDict(toTorchStateDict(p), 'compiled parity');
    const task = createParityTask({ bits: 16, format: 'count-log' });
    const vocab = task.vocabulary();
    const seqs = Array.from({ length: 64 }, (_, k) => {
      const ex = task.example(Uint8Array.from({ length: 16 }, (_, i) => ((k * 2654435761) >>> i) & 1));
      return Int32Array.from([...ex.prompt, ...ex.cot, ...ex.answer], (s) => vocab.indexOf(s));
    });
    const out = generate(model, seqs.map((s) => s.subarray(0, p.promptLength)), { maxNewTokens: p.length - p.promptLength });
    for (const [b, seq] of seqs.entries()) expect(Array.from(out[b]!)).toEqual(Array.from(seq.subarray(p.promptLength)));
    model.dispose();
  });

  it('refuses predictors too large for the dense layout, naming the size', () => {
    const p = toSparsePredictor(compileLibraryCircuit('multiplication', 16).program);
    expect(() => toTorchStateDict(p)).toThrow(CompiledSizeError);
    expect(() => toTorchStateDict(p)).toThrow(/\(T·d\)² must be at most 16777216/);
  });
});
