// Test helpers: a real (rule-based) next-token predictor for one-digit addition, and a codec.
// Shared by this package's tests; not exported from the package.
import type { EvalExample } from '../evaluate.js';
import type { LogitsModel, SymbolCodec } from '../model-like.js';

export const ADDER_SYMBOLS = ['[PAD]', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '+', '=', ';'] as const;

export function symbolCodec(symbols: readonly string[]): SymbolCodec {
  const ids = new Map(symbols.map((s, i) => [s, i]));
  return {
    encodeSymbols: (list) =>
      Int32Array.from(list, (s) => {
        const id = ids.get(s);
        if (id === undefined) throw new Error(`unknown symbol ${s}`);
        return id;
      }),
    decodeSymbols: (list) => Array.from(list, (id) => symbols[id] ?? '[PAD]'),
  };
}

/** `a + b =` → CoT `b ;` (a copy, so there is a CoT to score) → answer: two digits of the sum. */
export function adderExample(a: number, b: number): EvalExample {
  const sum = a + b;
  return { prompt: [String(a), '+', String(b), '='], cot: [String(b), ';'], answer: [String(Math.floor(sum / 10)), String(sum % 10)] };
}

export function parseAdderAnswer(continuation: readonly string[]): string[] | undefined {
  if (continuation[1] !== ';') return undefined;
  const answer = continuation.slice(2, 4);
  return answer.length === 2 && answer.every((s) => /^\d$/.test(s)) ? answer : undefined;
}

/**
 * Computes the right next token from the prefix and puts a logit of 5 on it. When `wrongOnesWhen`
 * holds for (a, b), it predicts the ones digit of the sum plus one instead.
 */
export function adderModel(wrongOnesWhen: (a: number, b: number) => boolean = () => false, contextLength = 7): LogitsModel & { calls: number } {
  const vocabSize = ADDER_SYMBOLS.length;
  const model = {
    calls: 0,
    config: { vocabSize, contextLength },
    logits(batch: Int32Array[]): Float32Array[] {
      model.calls++;
      return batch.map((ids) => {
        if (ids.length > contextLength) throw new Error(`adder model: ${ids.length} tokens exceed contextLength ${contextLength}`);
        const out = new Float32Array(ids.length * vocabSize);
        const a = (ids[0] ?? 1) - 1;
        const b = (ids[2] ?? 1) - 1;
        const sum = a + b;
        for (let i = 0; i < ids.length; i++) {
          let next: number;
          if (i === 3) next = b + 1;
          else if (i === 4) next = 13; // ';'
          else if (i === 5) next = Math.floor(sum / 10) + 1;
          else if (i === 6) next = ((wrongOnesWhen(a, b) ? sum + 1 : sum) % 10) + 1;
          else next = 0;
          out[i * vocabSize + next] = 5;
        }
        return out;
      });
    },
  };
  return model;
}
