import type { LogitsModel, RolloutFn, RolloutOptions } from './model-like.js';

/**
 * A greedy, batched rollout that needs only `model.logits`: each step feeds every unfinished
 * sequence (its last `contextLength` tokens, as the paper's model does) and appends the argmax of
 * its last row. Ties go to the lower id. A model with `greedyContinue` (the transformer's
 * key/value cache) continues itself when every sequence fits its context.
 *
 * @example
 * const rollout = greedyRollout(model);
 * const continuations = await rollout([new Int32Array([1, 5, 6])], { maxNewTokens: 10 });
 */
export function greedyRollout(model: LogitsModel): RolloutFn {
  return (prompts: Int32Array[], options: RolloutOptions): Int32Array[] => {
    const { vocabSize, contextLength } = model.config;
    // the same tokens, from a model that can continue without re-reading the prefix (a key/value
    // cache), as long as no sequence outgrows the context (this loop then slides its window)
    if (model.greedyContinue !== undefined && prompts.every((p) => p.length >= 1 && p.length + options.maxNewTokens - 1 <= contextLength)) {
      return model.greedyContinue(prompts, options);
    }
    const out: number[][] = prompts.map(() => []);
    const done = prompts.map(() => options.maxNewTokens <= 0);
    for (let step = 0; step < options.maxNewTokens; step++) {
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
        const rows = logits[k]!;
        const last = (batch[k]!.length - 1) * vocabSize;
        let best = 0;
        let bestValue = -Infinity;
        for (let v = 0; v < vocabSize; v++) {
          const x = rows[last + v] as number;
          if (x > bestValue) {
            bestValue = x;
            best = v;
          }
        }
        out[b]!.push(best);
        if (best === options.eos || out[b]!.length >= options.maxNewTokens) done[b] = true;
      });
    }
    return out.map((tokens) => Int32Array.from(tokens));
  };
}
