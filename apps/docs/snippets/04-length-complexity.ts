// docs: theory/length-complexity.md — a linear predictor on parity, with three chains of thought.
import { createRng, createTask, tokenizerFor, type ParityInput, type Task } from '@cotlab/corpus';
import { createModel, generate, initBackend, train } from '@cotlab/models';

await initBackend('wasm');
const bits = 12;
for (const format of ['none', 'sequential', 'count-log']) {
  const task = createTask('parity', { bits, format }) as Task<ParityInput>;
  const tokenizer = tokenizerFor(task);
  const encode = (input: ParityInput) => {
    const ex = task.example(input);
    const ids = tokenizer.encodeSymbols([...ex.prompt, ...ex.cot, ...ex.answer]);
    const lossMask = new Uint8Array(ids.length).fill(1, ex.prompt.length); // train on CoT + answer
    return { ids, lossMask, promptLength: ex.prompt.length, answer: ex.answer };
  };
  const inputs = [...task.inputs!()];
  const trainSet = inputs.filter((x) => task.split(x) === 'train').map(encode);
  const testSet = inputs.filter((x) => task.split(x) === 'test').map(encode);
  const rng = createRng(1);
  const stream = (function* () {
    for (;;) yield trainSet[rng.int(trainSet.length)]!;
  })();
  const length = trainSet[0]!.ids.length;
  const model = createModel({ kind: 'linear', vocabSize: tokenizer.size, contextLength: length, dim: 8 }, { seed: 1 });
  const { finalLoss } = await train(model, stream, { steps: 300, batchSize: 64, lr: 0.01, warmupSteps: 10, weightDecay: 0 });
  const outputs = generate(model, testSet.map((t) => t.ids.slice(0, t.promptLength)), { maxNewTokens: length - testSet[0]!.promptLength });
  const right = testSet.filter((t, i) => task.format.answerOf(tokenizer.decodeSymbols(outputs[i]!))?.join('') === t.answer.join('')).length;
  console.log(`${format.padEnd(10)} CoT ${String(length - bits - 3).padStart(2)} tokens  loss ${finalLoss.toFixed(3)}  held-out parity right: ${((100 * right) / testSet.length).toFixed(1)}%`);
  model.dispose();
}
