import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectClose } from '@cotlab/test-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from './backend.js';
import { createModel } from './create-model.js';
import { NonFiniteLossError } from './errors.js';
import { countingSequences } from './__fixtures__/counting-sequences.js';
import { tf } from './tf.js';
import { train } from './train.js';

const config = { kind: 'mlp', vocabSize: 11, contextLength: 8, dim: 6, blocks: 3 } as const;

describe('train (wasm)', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const d = mkdtempSync(join(tmpdir(), 'cotlab-models-'));
    dirs.push(d);
    return d;
  };
  beforeAll(async () => {
    await initBackend('wasm');
  });
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('learns a next-token rule: the loss falls well below chance', async () => {
    const model = createModel({ ...config, dim: 16 }, { seed: 1 });
    const data = countingSequences(64, 9, 11, 7);
    const result = await train(model, data, { steps: 60, batchSize: 16, lr: 3e-2, warmupSteps: 5 });
    expect(result.steps).toBe(60);
    expect(result.losses[0]!).toBeGreaterThan(1.5);
    expect(result.finalLoss).toBeLessThan(0.3);
    // greedy prediction after [2, 5] is 8
    const logits = model.logits([Int32Array.from([2, 5])])[0]!;
    const row = Array.from(logits.slice(11, 22));
    expect(row.indexOf(Math.max(...row))).toBe(8);
    model.dispose();
  });

  it('is deterministic: same seed and data give the same loss curve', async () => {
    const run = async (): Promise<number[]> => {
      const model = createModel(config, { seed: 3 });
      const r = await train(model, countingSequences(32, 9, 11, 5), { steps: 6, batchSize: 8, accumulate: 2 });
      model.dispose();
      return r.losses;
    };
    const a = await run();
    const b = await run();
    expect(a).toEqual(b);
    expect(new Set(a).size).toBeGreaterThan(1);
  });

  it('splits a batch into micro-batches without changing the step', async () => {
    const run = async (microBatchSize?: number): Promise<{ losses: number[]; weights: Float32Array; passes: number }> => {
      const model = createModel({ kind: 'transformer', vocabSize: 11, contextLength: 8, dim: 8, layers: 1, heads: 2 }, { seed: 4 });
      let passes = 0;
      const features = model.features.bind(model);
      model.features = (ids) => {
        passes += 1;
        return features(ids);
      };
      const r = await train(model, countingSequences(40, 9, 11, 6), { steps: 4, batchSize: 10, ...(microBatchSize === undefined ? {} : { microBatchSize }) });
      const weights = model.exportWeights().get('lm_head.weight')!.data;
      model.dispose();
      return { losses: r.losses, weights, passes };
    };
    const whole = await run();
    const split = await run(3); // 3 + 3 + 3 + 1 sequences
    expect([whole.passes, split.passes]).toEqual([4, 16]);
    expectClose(split.losses, whole.losses, { rtol: 1e-5 });
    expectClose(split.weights, whole.weights, { rtol: 1e-4, atol: 1e-6 });
  });

  it('shares memory when the gradient tape clones a tensor (WebAssembly)', () => {
    const x = tf.tensor1d([1, 2, 3]);
    const buffers = tf.memory().numDataBuffers;
    const y = tf.clone(x);
    expect(tf.memory().numDataBuffers).toBe(buffers);
    x.dispose();
    expect(Array.from(y.dataSync())).toEqual([1, 2, 3]);
    y.dispose();
  });

  it('lets timers and signal handlers run between steps, even with a synchronous source', async () => {
    const model = createModel(config, { seed: 1 });
    const controller = new AbortController();
    // a timer, like a SIGINT handler, only runs if training yields to the event loop
    setTimeout(() => controller.abort(), 0);
    const r = await train(model, countingSequences(32, 9, 11, 2), { steps: 500, batchSize: 4, signal: controller.signal });
    expect(r.stopped).toBe('aborted');
    expect(r.steps).toBeLessThan(500);
    model.dispose();
  });

  it('does not leak tensors across steps', async () => {
    const model = createModel(config, { seed: 1 });
    const counts: number[] = [];
    await train(model, countingSequences(32, 9, 11, 2), {
      steps: 6,
      batchSize: 8,
      accumulate: 2,
      evalData: countingSequences(8, 9, 11, 3),
      evalEvery: 2,
      onProgress: () => counts.push(tf.memory().numTensors),
    });
    expect(counts.length).toBe(6);
    expect(new Set(counts.slice(1)).size).toBe(1);
    model.dispose();
  });

  it('keeps masked weights exactly zero: position i never reads later positions', async () => {
    const model = createModel(config, { seed: 4 });
    await train(model, countingSequences(32, 9, 11, 9), { steps: 5, batchSize: 8, lr: 1e-2 });
    const [a, b] = model.logits([Int32Array.from([1, 2, 3, 4, 5, 6, 7, 8]), Int32Array.from([1, 2, 3, 9, 0, 0, 10, 1])]);
    expectClose(a!.slice(0, 3 * 11), b!.slice(0, 3 * 11), { rtol: 0, atol: 0 });
    expect(a!.slice(3 * 11, 4 * 11)).not.toEqual(b!.slice(3 * 11, 4 * 11));
    model.dispose();
  });

  it('resumes exactly: N + N steps with a checkpoint equal 2N straight', async () => {
    const data = countingSequences(40, 9, 11, 11);
    const opts = { steps: 8, batchSize: 6, lr: 5e-3, warmupSteps: 2 };
    const straight = createModel(config, { seed: 5 });
    const full = await train(straight, data, opts);
    const dir = tempDir();
    const first = createModel(config, { seed: 5 });
    const controller = new AbortController();
    const part1 = await train(first, data, {
      ...opts,
      checkpointDir: dir,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.step === 4) controller.abort();
      },
    });
    expect(part1.stopped).toBe('aborted');
    expect(part1.checkpointStep).toBe(4);
    first.dispose();
    const second = createModel(config, { seed: 99 });
    const part2 = await train(second, data, { ...opts, checkpointDir: dir, resume: true });
    expect(part2.steps).toBe(8);
    expectClose([...part1.losses, ...part2.losses], full.losses, { rtol: 1e-6, atol: 0 });
    const w1 = second.exportWeights();
    for (const [name, t] of straight.exportWeights()) expectClose(w1.get(name)!.data, t.data, { rtol: 1e-6, atol: 1e-7 });
    straight.dispose();
    second.dispose();
  });

  it('stops on a non-finite loss, naming the step, and keeps the last good checkpoint', async () => {
    const dir = tempDir();
    const model = createModel(config, { seed: 1 });
    const error = await train(model, countingSequences(16, 9, 11, 1), { steps: 50, batchSize: 4, lr: 1e30, gradClip: 0, checkpointDir: dir, checkpointEvery: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NonFiniteLossError);
    const { step, lastCheckpointStep } = error as NonFiniteLossError;
    expect(lastCheckpointStep).toBe(step - 1);
    const { readManifest } = await import('./node/checkpoint.js');
    expect((await readManifest(dir)).training?.step).toBe(step - 1);
    model.dispose();
  });

  it('rejects bad options before any work, naming the option', async () => {
    const model = createModel(config, { seed: 1 });
    await expect(train(model, [], { steps: 1, batchSize: 0 })).rejects.toThrow(/batchSize must be an integer ≥ 1, got 0/);
    await expect(train(model, [], { steps: 1, batchSize: 1, lr: NaN })).rejects.toThrow(/lr must be a finite number/);
    await expect(train(model, [{ ids: new Int32Array(20) }], { steps: 1, batchSize: 1 })).rejects.toThrow(/at most contextLength \+ 1 = 9/);
    model.dispose();
  });
});
