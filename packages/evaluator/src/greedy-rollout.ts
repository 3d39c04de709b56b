import { argmaxRow } from './argmax.js';
import type { LogitsModel, RolloutFn, RolloutOptions } from './model-like.js';

/**
 * A greedy, batched rollout that needs only `model.logits`: each step feeds every unfinished
 * sequence (its last `contextLength` tokens, as the paper's model does) and appends the argmax of
 * its last row. Ties go to the lower id. A model with `greedyContinue` (the transformer's
 * key/value cache) continues itself up to its context length first.
 *
 * @example
 * const rollout = greedyRollout(model);
 * const continuations = await rollout([new Int32Array([1, 5, 6])], { maxNewTokens: 10 });
 */
export function greedyRollout(model: LogitsModel): RolloutFn {
  return (prompts: Int32Array[], options: RolloutOptions): Int32Array[] => {
    const { contextLength } = model.config;
    const start: number[][] = prompts.map(() => []);
    // a model with its own continuation (a key/value cache) produces the same tokens up to the
    // context length, where it stops; the loop below slides the window from there. Prompts longer
    // than the context start in that loop (one in a batch must not send the others there: its
    // full forward per token is what the cache saves)
    const fits = prompts.flatMap((p, i) => (p.length >= 1 && p.length <= contextLength ? [i] : []));
    if (model.greedyContinue !== undefined && fits.length > 0) {
      const continued = model.greedyContinue(fits.map((i) => prompts[i]!), options);
      fits.forEach((i, k) => (start[i] = [...continued[k]!]));
    }
    return continueByLogits(model, prompts, start, options).map((tokens) => Int32Array.from(tokens));
  };
}

/** Extends each `out[b]` greedily, one `model.logits` call per step, until eos or maxNewTokens. */
function continueByLogits(model: LogitsModel, prompts: Int32Array[], out: number[][], options: RolloutOptions): number[][] {
  const { vocabSize, contextLength } = model.config;
  const done = out.map((tokens) => tokens.length >= options.maxNewTokens || (tokens.length > 0 && tokens[tokens.length - 1] === options.eos));
  for (;;) {
    const active: number[] = [];
    for (let b = 0; b < prompts.length; b++) if (!done[b]) active.push(b);
    if (active.length === 0) break;
    const batch = active.map((b) => {
      const prompt = prompts[b]!;
      const generated = out[b]!;
      const full = new Int32Array(prompt.length + generated.length);
      full.set(prompt);
      full.set(generated, prompt.length);
      return full.length > contextLength ? full.subarray(full.length - contextLength) : full;
    });
    const logits = model.logits(batch);
    active.forEach((b, k) => {
      const best = argmaxRow(logits[k]!, batch[k]!.length - 1, vocabSize);
      out[b]!.push(best);
      if (best === options.eos || out[b]!.length >= options.maxNewTokens) done[b] = true;
    });
  }
  return out;
}
