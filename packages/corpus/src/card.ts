import type { Split, Task } from './types.js';
import { version } from './version.js';

/** Exact length statistics from a histogram of lengths. */
export interface LengthStats {
  count: number;
  min: number;
  max: number;
  mean: number;
  p50: number;
  p95: number;
}

/**
 * Accumulates lengths in a histogram; `stats()` gives exact quantiles.
 *
 * @example const h = new LengthHistogram(); h.add(307, 10); h.stats().p50 // 307
 */
export class LengthHistogram {
  private readonly counts = new Map<number, number>();
  private total = 0;
  private sum = 0;
  // Runs of one length (every fixed-length format) are counted here before reaching the map.
  private runLength = -1;
  private runCount = 0;

  add(length: number, times = 1): void {
    if (length === this.runLength) {
      this.runCount += times;
    } else {
      this.settle();
      this.runLength = length;
      this.runCount = times;
    }
    this.total += times;
    this.sum += length * times;
  }

  private settle(): void {
    if (this.runCount > 0) this.counts.set(this.runLength, (this.counts.get(this.runLength) ?? 0) + this.runCount);
    this.runCount = 0;
    this.runLength = -1;
  }

  stats(): LengthStats {
    this.settle();
    if (this.total === 0) return { count: 0, min: 0, max: 0, mean: 0, p50: 0, p95: 0 };
    const keys = [...this.counts.keys()].sort((x, y) => x - y);
    const quantile = (q: number): number => {
      const rank = Math.ceil(q * this.total);
      let seen = 0;
      for (const k of keys) {
        seen += this.counts.get(k)!;
        if (seen >= rank) return k;
      }
      return keys[keys.length - 1]!;
    };
    return { count: this.total, min: keys[0]!, max: keys[keys.length - 1]!, mean: this.sum / this.total, p50: quantile(0.5), p95: quantile(0.95) };
  }
}

/** A dataset card: what a dataset is, how it was made, and how to check it. */
export interface DatasetCard {
  cardVersion: 1;
  generator: string;
  task: string;
  format: string;
  params: Readonly<Record<string, unknown>>;
  seed: number;
  split: Split | 'all';
  order: string;
  splitRule: string;
  lossMask: string;
  vocabulary: string[];
  vocabSize: number;
  counts: { total: number; train: number; test: number };
  /** Lengths in tokens: whole sequences, prompts, CoTs, answers. */
  lengths: { sequence: LengthStats; prompt: LengthStats; cot: LengthStats; answer: LengthStats };
  /** Whether the run completed (false when it was interrupted). */
  complete: boolean;
  files: { path: string; kind: 'shard' | 'jsonl'; bytes: number; sha256: string }[];
}

/**
 * Gathers what a card records while a dataset is written.
 *
 * @example const r = new CardRecorder(); r.add(11, 288, 8, 'train'); r.card(task, { seed: 1, split: 'train', order: 'sample', lossMask: 'all', complete: true, files: [] })
 */
export class CardRecorder {
  readonly sequence = new LengthHistogram();
  readonly prompt = new LengthHistogram();
  readonly cot = new LengthHistogram();
  readonly answer = new LengthHistogram();
  train = 0;
  test = 0;

  add(promptLength: number, cotLength: number, answerLength: number, split: Split): void {
    this.sequence.add(promptLength + cotLength + answerLength);
    this.prompt.add(promptLength);
    this.cot.add(cotLength);
    this.answer.add(answerLength);
    if (split === 'train') this.train++;
    else this.test++;
  }

  card(
    task: Task,
    options: { seed: number; split: Split | 'all'; order: string; lossMask: string; complete: boolean; files: DatasetCard['files'] },
  ): DatasetCard {
    const vocabulary = task.vocabulary();
    return {
      cardVersion: 1,
      generator: `@cotlab/corpus ${version}`,
      task: task.name,
      format: task.format.name,
      params: task.params,
      seed: options.seed,
      split: options.split,
      order: options.order,
      splitRule: task.splitRule,
      lossMask: options.lossMask,
      vocabulary,
      vocabSize: vocabulary.length,
      counts: { total: this.train + this.test, train: this.train, test: this.test },
      lengths: { sequence: this.sequence.stats(), prompt: this.prompt.stats(), cot: this.cot.stats(), answer: this.answer.stats() },
      complete: options.complete,
      files: options.files,
    };
  }
}

function statsRow(name: string, s: LengthStats): string {
  return `| ${name} | ${s.min} | ${s.p50} | ${s.mean.toFixed(2)} | ${s.p95} | ${s.max} |`;
}

/**
 * The card as Markdown, for humans.
 *
 * @example writeFileSync('train.card.md', cardMarkdown(card));
 */
export function cardMarkdown(card: DatasetCard): string {
  const params = Object.entries(card.params)
    .map(([k, v]) => `\`${k}\` = \`${JSON.stringify(v)}\``)
    .join(', ');
  const shown = card.vocabulary.length > 60 ? `${card.vocabulary.slice(0, 60).map((s) => `\`${s}\``).join(' ')} … (${card.vocabulary.length} in all)` : card.vocabulary.map((s) => `\`${s}\``).join(' ');
  return [
    `# Dataset card: ${card.task} / ${card.format}`,
    '',
    card.complete ? '' : '**Incomplete: the run was interrupted; the counts below are what was written.**\n',
    `- Generator: ${card.generator}`,
    `- Task: \`${card.task}\`, format \`${card.format}\`; parameters: ${params}`,
    `- Split: \`${card.split}\`; order \`${card.order}\`; seed ${card.seed}`,
    `- Split rule: ${card.splitRule}`,
    `- Loss mask: \`${card.lossMask}\``,
    `- Examples: ${card.counts.total} (train ${card.counts.train}, test ${card.counts.test})`,
    `- Vocabulary (${card.vocabSize} symbols, id = position): ${shown}`,
    '',
    '## Lengths (tokens)',
    '',
    '| part | min | median | mean | p95 | max |',
    '|---|---|---|---|---|---|',
    statsRow('sequence', card.lengths.sequence),
    statsRow('prompt', card.lengths.prompt),
    statsRow('cot', card.lengths.cot),
    statsRow('answer', card.lengths.answer),
    '',
    '## Files',
    '',
    ...card.files.map((f) => `- \`${f.path}\` (${f.kind}, ${f.bytes} bytes), sha256 \`${f.sha256}\``),
    '',
  ]
    .filter((line, i, all) => !(line === '' && all[i - 1] === ''))
    .join('\n');
}
