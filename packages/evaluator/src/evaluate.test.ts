import { describe, expect, it } from 'vitest';
import { evaluate } from './evaluate.js';
import { ADDER_SYMBOLS, adderExample, adderModel, parseAdderAnswer, symbolCodec } from './testing/adder.js';

const codec = symbolCodec(ADDER_SYMBOLS);
const examples = Array.from({ length: 100 }, (_, k) => adderExample(Math.floor(k / 10), k % 10));

describe('evaluate', () => {
  it('scores a perfect model as perfect', async () => {
    const r = await evaluate({ model: adderModel(), codec, examples, answerOf: parseAdderAnswer, batchSize: 16 });
    expect(r.count).toBe(100);
    expect(r.answers.exactMatch).toBe(1);
    expect(r.answers.digitAccuracy).toBe(1);
    expect(r.firstError.noError).toBe(100);
    expect(r.teacherForced?.tokenAccuracy).toBe(1);
    expect(r.teacherForced?.byPosition.map((p) => p.position)).toEqual([4, 5, 6, 7]);
    expect(r.samples).toHaveLength(5);
    expect(r.samples[0]).toEqual({ prompt: '0 + 0 =', expected: '0 ; 0 0', generated: '0 ; 0 0', answer: '0 0', correct: true, firstError: null });
  });

  it('locates the errors of a model wrong on the ones digit whenever a = 9', async () => {
    const progress: string[] = [];
    const r = await evaluate({
      model: adderModel((a) => a === 9),
      codec,
      examples,
      answerOf: parseAdderAnswer,
      batchSize: 32,
      onProgress: (p) => progress.push(`${p.phase}:${p.done}/${p.total}`),
    });
    expect(r.answers.exactMatch).toBe(0.9);
    expect(r.answers.digitAccuracyByPosition).toEqual([1, 0.9]);
    // continuation = [b, ';', tens, ones]: the ones digit is continuation index 3
    expect(r.firstError.counts).toEqual([0, 0, 0, 10]);
    expect(r.teacherForced?.byPosition.find((p) => p.position === 7)?.accuracy).toBe(0.9);
    expect(r.teacherForced?.sequenceAccuracy).toBe(0.9);
    // teacher forcing first; then only the 10 examples with a forced error are rolled out
    expect(progress).toEqual([
      'teacher-forcing:0/100', 'teacher-forcing:32/100', 'teacher-forcing:64/100', 'teacher-forcing:96/100', 'teacher-forcing:100/100',
      'rollout:0/10', 'rollout:10/10',
    ]);
  });

  it('gives the same result with and without the teacher-forcing shortcut, with fewer model calls', async () => {
    // wrong ones digit when a = 9, and ';' replaced by '+' (a malformed continuation) when b = 5
    const inner = adderModel((a) => a === 9);
    const model = {
      calls: 0,
      config: inner.config,
      logits(batch: Int32Array[]): Float32Array[] {
        model.calls++;
        const out = inner.logits(batch);
        batch.forEach((ids, k) => {
          if (ids.length > 4 && ids[2] === 6) {
            const row = out[k]!.subarray(4 * ADDER_SYMBOLS.length, 5 * ADDER_SYMBOLS.length);
            row.fill(0);
            row[11] = 5; // '+'
          }
        });
        return out;
      },
    };
    const run = (shortcut: boolean) => evaluate({ model, codec, examples, answerOf: parseAdderAnswer, batchSize: 25, shortcut, samples: 100 });
    const fast = await run(true);
    const fastCalls = model.calls;
    model.calls = 0;
    const full = await run(false);
    expect(fast).toEqual(full);
    expect(fast.answers.exactMatch).toBe(0.81);
    expect(fast.answers.malformedCount).toBe(10);
    expect(fast.firstError.counts).toEqual([0, 10, 0, 9]);
    expect(fastCalls).toBeLessThan(model.calls / 2);
  });

  it('counts a continuation the format cannot parse as malformed', async () => {
    const r = await evaluate({ model: adderModel(), codec, examples: examples.slice(0, 4), answerOf: () => undefined, teacherForcing: false });
    expect(r.answers.malformedCount).toBe(4);
    expect(r.answers.exactMatch).toBe(0);
    expect(r.teacherForced).toBeNull();
  });

  it('uses a rollout function when given one', async () => {
    const model = adderModel();
    const r = await evaluate({
      model, codec, examples: examples.slice(0, 3), answerOf: parseAdderAnswer, teacherForcing: false,
      rollout: (prompts, { maxNewTokens }) => prompts.map(() => new Int32Array(maxNewTokens)),
    });
    expect(model.calls).toBe(0);
    expect(r.firstError.counts[0]).toBe(3);
  });

  it('rejects bad input before calling the model', async () => {
    const model = adderModel(() => false, 6);
    expect(examples[0]!.prompt.length + examples[0]!.cot.length + examples[0]!.answer.length).toBe(8);
    await expect(evaluate({ model, codec, examples, answerOf: parseAdderAnswer })).rejects.toThrow(
      /'examples\[0\]' must be at most contextLength \+ 1 = 7 tokens \(prompt \+ CoT \+ answer\), got '8 tokens'/,
    );
    await expect(evaluate({ model, codec, examples: [], answerOf: parseAdderAnswer })).rejects.toThrow(/'examples' must be a non-empty list/);
    await expect(evaluate({ model, codec, examples, answerOf: parseAdderAnswer, batchSize: 0 })).rejects.toThrow(/'batchSize' must be an integer ≥ 1, got 0/);
    expect(model.calls).toBe(0);
  });

  it('stops when the signal is aborted', async () => {
    const controller = new AbortController();
    controller.abort(new Error('stop'));
    await expect(evaluate({ model: adderModel(), codec, examples, answerOf: parseAdderAnswer, signal: controller.signal })).rejects.toThrow('stop');
  });

  it('lets a timer (like a Ctrl-C handler) stop it between batches of a synchronous model', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(new Error('timer stop')), 0);
    // each batch blocks for 2 ms, so the timer (due after 1 ms) is due before the 25 batches end
    // however fast the machine: without yielding between batches it could never run
    const adder = adderModel();
    const slow = {
      config: adder.config,
      logits(batch: Int32Array[]): Float32Array[] {
        const until = performance.now() + 2;
        while (performance.now() < until);
        return adder.logits(batch);
      },
    };
    await expect(evaluate({ model: slow, codec, examples, answerOf: parseAdderAnswer, batchSize: 4, signal: controller.signal })).rejects.toThrow('timer stop');
  });
});
