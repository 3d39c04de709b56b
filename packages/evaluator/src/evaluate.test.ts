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
    expect(progress).toEqual([
      'rollout:32/100', 'rollout:64/100', 'rollout:96/100', 'rollout:100/100',
      'teacher-forcing:32/100', 'teacher-forcing:64/100', 'teacher-forcing:96/100', 'teacher-forcing:100/100',
    ]);
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
});
