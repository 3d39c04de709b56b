import { evaluate } from '../evaluate.js';
import { chanceBaseline } from '../metrics/baseline.js';
import { REPORT_SCHEMA, type RunReport } from '../report.js';
import { ADDER_SYMBOLS, adderExample, adderModel, parseAdderAnswer, symbolCodec } from './adder.js';

/** A complete report from a real evaluation of the rule-based adder (wrong when a = 9). */
export async function sampleReport(): Promise<RunReport> {
  const examples = Array.from({ length: 100 }, (_, k) => adderExample(Math.floor(k / 10), k % 10));
  const result = await evaluate({ model: adderModel((a) => a === 9), codec: symbolCodec(ADDER_SYMBOLS), examples, answerOf: parseAdderAnswer });
  return {
    schema: REPORT_SCHEMA,
    title: 'one-digit addition',
    command: 'test',
    createdAt: '2026-01-01T00:00:00.000Z',
    task: { name: 'addition', params: { digits: [1, 1] }, format: 'copy', split: 'none' },
    model: { config: { kind: 'mlp', vocabSize: ADDER_SYMBOLS.length, contextLength: 7, dim: 4 }, parameterCount: 1234 },
    training: {
      steps: 3, batchSize: 2, sequences: 6, seconds: 1, lr: 1e-3, weightDecay: 0.1, finalLoss: 0.5, stoppedEarly: false,
      curve: [{ step: 1, loss: 2 }, { step: 2, loss: 1, evalLoss: 1.2 }, { step: 3, loss: 0.5 }],
    },
    evaluation: { ...result, split: 'test', seconds: 0.1, chance: chanceBaseline(examples.map((e) => e.answer), examples.map((e) => e.answer)) },
    plots: { 'training-curve': 'training-curve.svg', 'first-error': 'first-error.svg' },
  };
}
