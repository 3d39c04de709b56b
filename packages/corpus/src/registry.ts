import { UnknownNameError } from './errors.js';
import { createAdditionTask, ADDITION_FORMATS } from './addition/task.js';
import { createCircuitTask } from './circuits/task.js';
import { createMultiplicationTask } from './multiplication/task.js';
import { createParityTask, PARITY_FORMATS } from './parity/task.js';
import { createTuringTask } from './turing/task.js';
import { ENCODING_NAMES } from '@cotlab/turing';
import type { Params } from './params.js';
import type { ParameterInfo, Task } from './types.js';

/** A registered task: how to build it and what `cotlab corpus list` says about it. */
export interface TaskInfo {
  name: string;
  summary: string;
  formats: readonly string[];
  defaultFormat: string;
  parameters: readonly ParameterInfo[];
  create(params: Params): Task;
}

const registry = new Map<string, TaskInfo>();

/**
 * Adds a task to the registry (tasks of this package register themselves in tasks.ts).
 *
 * @example registerTask({ name: 'my-task', summary: '…', formats: ['plain'], defaultFormat: 'plain', parameters: [], create: (p) => createMyTask(p) });
 */
export function registerTask(info: TaskInfo): void {
  registry.set(info.name, info);
}

/**
 * Every registered task, in registration order.
 *
 * @example listTasks().map((t) => t.name) // ['multiplication', 'parity', 'addition', 'circuit', 'turing']
 */
export function listTasks(): TaskInfo[] {
  return [...registry.values()];
}

/**
 * Builds a task by name from plain parameters (numbers, strings, arrays: what a CLI or a JSON
 * config gives). Unknown tasks, formats and parameters, and impossible values, are rejected here,
 * before any data is made, with a message that lists what is valid.
 *
 * @example
 * const task = createTask('multiplication', { digits: [4, 4], format: 'malach' });
 * task.format.fixedLength; // 307
 */
export function createTask(name: string, params: Params = {}): Task {
  const info = registry.get(name);
  if (info === undefined) throw new UnknownNameError('task', name, [...registry.keys()]);
  return info.create(params);
}

registerTask({
  name: 'multiplication',
  summary: 'n×m-digit multiplication; the paper\'s 4×4 task and its exact 75/25 split',
  formats: ['malach', 'deng', 'stepwise', 'stepwise-linear', 'none'],
  defaultFormat: 'malach',
  parameters: [{ name: 'digits', description: "operand digits 'NxM' (n + m ≤ 15)", default: '4x4' }],
  create: (params) => createMultiplicationTask(params),
});

registerTask({
  name: 'parity',
  summary: 'parity of n bits; CoT from none to every prefix, including the paper\'s O(log n) count',
  formats: [...PARITY_FORMATS],
  defaultFormat: 'count-log',
  parameters: [
    { name: 'bits', description: 'input bits n ≥ 1', default: 16 },
    { name: 'k', description: "chunk size of format 'chunked' (1 ≤ k ≤ n; also written 'chunked-K')", default: 'round(√n)' },
  ],
  create: (params) => createParityTask(params),
});

registerTask({
  name: 'addition',
  summary: 'n-digit addition: plain, reversed digits, or with every carry written out',
  formats: [...ADDITION_FORMATS],
  defaultFormat: 'carries',
  parameters: [{ name: 'digits', description: 'digits of each operand (1–15)', default: 4 }],
  create: (params) => createAdditionTask(params),
});

registerTask({
  name: 'circuit',
  summary: "linear-threshold-circuit traces: CoT token t is the value of gate t (the paper's theorem)",
  formats: ['gates', 'none'],
  defaultFormat: 'gates',
  parameters: [
    { name: 'circuit', description: 'parity, comparison, addition or multiplication', default: 'parity' },
    { name: 'bits', description: 'input bits per operand', default: 8 },
  ],
  create: (params) => createCircuitTask(params),
});

registerTask({
  name: 'turing',
  summary: 'traces of a @cotlab/turing library machine on random inputs, in each CoT encoding',
  formats: ['none', ...ENCODING_NAMES],
  defaultFormat: 'transitions',
  parameters: [
    { name: 'machine', description: 'a library machine that reads input (see cotlab tm list), compact notation, or a spec (CLI: a JSON file)', default: 'binary-increment' },
    { name: 'length', description: 'input symbols', default: 8 },
    { name: 'maxSteps', description: 'step limit per run (an example that hits it is an error)', default: 1_000_000 },
    { name: 'answer', description: "'output' (the output word, then [EOS]) or 'outcome' (<accept>/<reject>)", default: 'outcome for deciders, else output' },
  ],
  create: (params) => createTuringTask(params),
});
