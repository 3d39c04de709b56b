import { yieldToEventLoop } from '@cotlab/models';
import { checkInteger, EvaluatorError } from './errors.js';
import { argmaxRow } from './argmax.js';
import { greedyRollout } from './greedy-rollout.js';
import { AnswerAccumulator, type AnswerMetrics } from './metrics/answer-metrics.js';
import { FirstErrorAccumulator, type FirstErrorHistogram } from './metrics/first-error.js';
import { TeacherForcedAccumulator, type TeacherForcedMetrics } from './metrics/teacher-forced.js';
import type { LogitsModel, RolloutFn, SymbolCodec } from './model-like.js';

/** An example as `@cotlab/corpus` writes it: symbols; the model sees `[...prompt, ...cot, ...answer]`. */
export interface EvalExample {
  prompt: readonly string[];
  cot: readonly string[];
  answer: readonly string[];
}

/** One rollout kept for people to read. */
export interface RolloutSample {
  prompt: string;
  expected: string;
  generated: string;
  answer: string | null;
  correct: boolean;
  /** Continuation index of the first wrong token, or null. */
  firstError: number | null;
}

export interface EvaluationProgress {
  phase: 'rollout' | 'teacher-forcing';
  done: number;
  total: number;
}

export interface EvaluateOptions {
  model: LogitsModel;
  /** Maps the examples' symbols to the model's ids and back (a `WordLevelTokenizer`). */
  codec: SymbolCodec;
  examples: readonly EvalExample[];
  /** The format's parser of a generated continuation (`Format.answerOf`). */
  answerOf: (continuation: readonly string[]) => string[] | undefined;
  /** Greedy rollout; defaults to `greedyRollout(model)`. */
  rollout?: RolloutFn;
  /** Sequences per model call (default 64). */
  batchSize?: number;
  /** Id that ends a continuation, when the format has one. */
  eos?: number;
  /** Score the CoT under teacher forcing too (default true). */
  teacherForcing?: boolean;
  /**
   * With teacher forcing, roll out only the examples whose forced argmax departs from the
   * expected continuation, from that point on (default true). Greedy decoding is exactly the
   * expected continuation up to the first forced departure, so the results are the same (up to
   * floating-point ties) for a fraction of the model calls when the model is good.
   */
  shortcut?: boolean;
  /** How many rollouts to keep verbatim in the result (default 5). */
  samples?: number;
  onProgress?: (progress: EvaluationProgress) => void;
  /** Checked between batches; an aborted evaluation throws the signal's reason. */
  signal?: AbortSignal;
}

export interface EvaluationResult {
  /** Examples evaluated. */
  count: number;
  /** Exact match and per-digit accuracy of the greedy rollouts' answers. */
  answers: AnswerMetrics;
  /** Where greedy rollouts first leave the expected continuation. */
  firstError: FirstErrorHistogram;
  /** Per-position accuracy, loss and perplexity of the CoT and answer under teacher forcing. */
  teacherForced: TeacherForcedMetrics | null;
  /** The first few rollouts, for people to read. */
  samples: RolloutSample[];
}

const DEFAULT_BATCH_SIZE = 64;
const DEFAULT_SAMPLES = 5;

/**
 * Rolls `model` out greedily from each example's prompt, in batches, and scores it: exact match
 * and per-digit accuracy of the parsed answer, the position of the first wrong token, and
 * (teacher-forced) per-position accuracy, loss and perplexity of the CoT and answer. Teacher
 * forcing runs first; by default only examples it finds a wrong token in are rolled out (see
 * `shortcut`).
 * Every input is checked before any model call.
 *
 * @example
 * const result = await evaluate({ model, codec: tokenizer, examples, answerOf: format.answerOf });
 * console.log(result.answers.exactMatch, result.teacherForced?.perplexity);
 */
export async function evaluate(options: EvaluateOptions): Promise<EvaluationResult> {
  const { model, codec, examples, answerOf } = options;
  const batchSize = checkInteger('batchSize', options.batchSize ?? DEFAULT_BATCH_SIZE, 1);
  const keep = checkInteger('samples', options.samples ?? DEFAULT_SAMPLES, 0);
  if (examples.length === 0) throw new EvaluatorError('examples', 'a non-empty list of examples', '[]');
  const { contextLength, vocabSize } = model.config;
  const encoded = examples.map((example, i) => {
    if (example.prompt.length === 0) throw new EvaluatorError(`examples[${i}].prompt`, 'at least one symbol', '[]');
    const prompt = codec.encodeSymbols(example.prompt);
    const continuation = codec.encodeSymbols([...example.cot, ...example.answer]);
    // The last token is only predicted, never fed: L − 1 tokens must fit the context.
    const length = prompt.length + continuation.length;
    if (length - 1 > contextLength) {
      throw new EvaluatorError(`examples[${i}]`, `at most contextLength + 1 = ${contextLength + 1} tokens (prompt + CoT + answer)`, `${length} tokens`);
    }
    return { prompt, continuation };
  });
  const rollout = options.rollout ?? greedyRollout(model);
  const teacherForcing = options.teacherForcing ?? true;
  const shortcut = teacherForcing && (options.shortcut ?? true);
  const total = examples.length;

  // Teacher forcing: per-position scores, and where each example's forced argmax first departs
  // from the expected continuation (null: nowhere).
  const departures: ({ at: number; token: number } | null)[] = new Array<null>(total).fill(null);
  let teacherForced: TeacherForcedMetrics | null = null;
  if (teacherForcing) {
    const tf = new TeacherForcedAccumulator(vocabSize);
    options.onProgress?.({ phase: 'teacher-forcing', done: 0, total });
    for (let start = 0; start < total; start += batchSize) {
      await yieldToEventLoop(); // a stop request (Ctrl-C, a parent gone) is seen between batches
      options.signal?.throwIfAborted();
      const batch = encoded.slice(start, start + batchSize).map((e) => {
        const ids = new Int32Array(e.prompt.length + e.continuation.length);
        ids.set(e.prompt);
        ids.set(e.continuation, e.prompt.length);
        return { ids, promptLength: e.prompt.length };
      });
      const logits = model.logits(batch.map((b) => b.ids.subarray(0, b.ids.length - 1)));
      batch.forEach((b, k) => {
        const rows = logits[k]!;
        const mask = new Uint8Array(b.ids.length);
        mask.fill(1, b.promptLength);
        tf.add(b.ids, rows, mask);
        for (let i = b.promptLength; i < b.ids.length; i++) {
          const token = argmaxRow(rows, i - 1, vocabSize);
          if (token !== b.ids[i]) {
            departures[start + k] = { at: i - b.promptLength, token };
            break;
          }
        }
      });
      options.onProgress?.({ phase: 'teacher-forcing', done: Math.min(start + batchSize, total), total });
    }
    teacherForced = tf.result();
  }

  // Greedy rollouts. With the shortcut, a rollout is known up to the forced departure (greedy
  // decoding reproduces the expected tokens while the forced argmax agrees with them), so only
  // examples that depart are rolled out, and only from the departure on.
  const generated: Int32Array[] = encoded.map((e) => e.continuation);
  const pending: { index: number; prefix: Int32Array; known: Int32Array; maxNewTokens: number }[] = [];
  encoded.forEach((e, index) => {
    const departure = departures[index];
    if (!shortcut) {
      pending.push({ index, prefix: e.prompt, known: new Int32Array(0), maxNewTokens: e.continuation.length });
    } else if (departure !== null && departure !== undefined) {
      const known = new Int32Array(departure.at + 1);
      known.set(e.continuation.subarray(0, departure.at));
      known[departure.at] = departure.token;
      const prefix = new Int32Array(e.prompt.length + known.length);
      prefix.set(e.prompt);
      prefix.set(known, e.prompt.length);
      const stopped = departure.token === options.eos;
      pending.push({ index, prefix, known, maxNewTokens: stopped ? 0 : e.continuation.length - known.length });
    }
  });
  if (pending.length > 0) options.onProgress?.({ phase: 'rollout', done: 0, total: pending.length });
  for (let start = 0; start < pending.length; start += batchSize) {
    await yieldToEventLoop();
    options.signal?.throwIfAborted();
    const batch = pending.slice(start, start + batchSize);
    const maxNewTokens = Math.max(...batch.map((p) => p.maxNewTokens));
    const out = maxNewTokens === 0
      ? batch.map(() => new Int32Array(0))
      : await rollout(batch.map((p) => p.prefix), options.eos === undefined ? { maxNewTokens } : { maxNewTokens, eos: options.eos });
    batch.forEach((p, k) => {
      const tail = (out[k] ?? new Int32Array(0)).subarray(0, p.maxNewTokens);
      const tokens = new Int32Array(p.known.length + tail.length);
      tokens.set(p.known);
      tokens.set(tail, p.known.length);
      generated[p.index] = tokens;
    });
    options.onProgress?.({ phase: 'rollout', done: Math.min(start + batchSize, pending.length), total: pending.length });
  }

  const answers = new AnswerAccumulator();
  const firstErrors = new FirstErrorAccumulator();
  const samples: RolloutSample[] = [];
  encoded.forEach((e, index) => {
    const example = examples[index]!;
    const tokens = generated[index]!.subarray(0, e.continuation.length);
    const symbols = codec.decodeSymbols(tokens);
    const parsed = answerOf(symbols);
    const correct = answers.add(parsed, example.answer);
    const at = firstErrors.add(tokens, e.continuation);
    if (samples.length < keep) {
      samples.push({
        prompt: example.prompt.join(' '),
        expected: [...example.cot, ...example.answer].join(' '),
        generated: symbols.join(' '),
        answer: parsed === undefined ? null : parsed.join(' '),
        correct,
        firstError: at ?? null,
      });
    }
  });
  return { count: total, answers: answers.result(), firstError: firstErrors.result(), teacherForced, samples };
}
