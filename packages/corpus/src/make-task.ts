import { CorpusError, show, UnknownNameError } from './errors.js';
import type { Rng } from './rng.js';
import type { Example, Format, Split, Task } from './types.js';

/** What a task module supplies; `makeTask` turns it into a `Task`. */
export interface TaskParts<I> {
  name: string;
  params: Record<string, unknown>;
  /** Format factories by name (bound to the task's parameters). */
  formats: Readonly<Record<string, () => Format<I>>>;
  defaultFormat: string;
  /** The caller's `format` parameter, if any. */
  formatParam?: unknown;
  drawInput(rng: Rng): I;
  splitOf(input: I): Split;
  keyOf(input: I): string;
  /** Recovers the input from an example's meta (the inverse of what the formats record). */
  inputOfExample(example: Example): I | undefined;
  inputCount: number | undefined;
  inputs?: () => Iterable<I>;
  splitRule: string;
  /** Builds the same task with other parameters (for `format.vocabulary(params)`). */
  rebuild?: (params: Record<string, unknown>) => Task<I>;
}

function isExample(value: unknown): value is Example {
  return typeof value === 'object' && value !== null && 'prompt' in value && 'answer' in value && 'meta' in value;
}

/** Assembles a Task from its parts; the format is chosen by `params.format`. */
export function makeTask<I>(parts: TaskParts<I>): Task<I> {
  const names = Object.keys(parts.formats);
  const cache = new Map<string, Format<I>>();
  const formatOf = (name: string): Format<I> => {
    let f = cache.get(name);
    if (f === undefined) {
      const make = parts.formats[name];
      if (make === undefined) throw new UnknownNameError('format', name, names, ` for task '${parts.name}'`);
      const made = make();
      const rebuild = parts.rebuild;
      f =
        rebuild === undefined
          ? made
          : {
              ...made,
              vocabulary: (params?: Record<string, unknown>) =>
                params === undefined ? made.vocabulary() : rebuild({ ...parts.params, ...params, format: name }).format.vocabulary(),
            };
      cache.set(name, f);
    }
    return f;
  };
  const formatName = parts.formatParam ?? parts.defaultFormat;
  if (typeof formatName !== 'string') throw new UnknownNameError('format', show(formatName), names, ` for task '${parts.name}'`);
  const format = formatOf(formatName);
  const params = Object.freeze({ ...parts.params, format: formatName });
  const example = (input: I): Example => {
    const ex = format.write(input);
    ex.meta['split'] = parts.splitOf(input);
    return ex;
  };
  const task: Task<I> = {
    name: parts.name,
    params,
    formats: names,
    format,
    formatOf,
    drawInput: (rng) => parts.drawInput(rng),
    draw: (rng) => example(parts.drawInput(rng)),
    example,
    split(inputOrExample: I | Example): Split {
      if (isExample(inputOrExample)) {
        const input = parts.inputOfExample(inputOrExample);
        if (input === undefined) throw new CorpusError(`task '${parts.name}' cannot split an example whose meta lacks its input`, 'example');
        return parts.splitOf(input);
      }
      return parts.splitOf(inputOrExample);
    },
    keyOf: (input) => parts.keyOf(input),
    inputCount: parts.inputCount,
    vocabulary: () => format.vocabulary(),
    splitRule: parts.splitRule,
  };
  if (parts.inputs !== undefined) task.inputs = parts.inputs;
  return task;
}
