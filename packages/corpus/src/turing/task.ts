import { compileMachine, getEncoding, getMachine, LIBRARY, looksCompact, machineNames, parseCompact, TuringError, ENCODING_NAMES, ACCEPT, REJECT, type CompiledMachine, type EncodingName, type LibraryMachine, type MachineSpec } from '@cotlab/turing';
import { BOS, UNK, spaced } from '../digits.js';
import { CorpusError, InvalidParameterError, UnknownNameError } from '../errors.js';
import { makeTask } from '../make-task.js';
import { checkKnown, choiceParam, intParam, type Params } from '../params.js';
import { HASH_SPLIT_RULE, hashSplit } from '../split.js';
import type { Example, Format, Task } from '../types.js';

/** An input word of a machine, as symbols. */
export type TuringInput = readonly string[];

/** Ends the prompt (the input word). */
export const TURING_PROMPT_END = '[SEP]';
/** Separates a function machine's trace from its output. */
export const TURING_ANSWER_MARK = '[ANS]';
/** Ends a function machine's output (outputs vary in length). */
export const TURING_ANSWER_END = '[EOS]';

/** Default step limit of dataset runs: library machines halt far sooner on inputs of ≤ 64 symbols. */
export const DEFAULT_TURING_MAX_STEPS = 1_000_000;
export const DEFAULT_TURING_LENGTH = 8;

/** Binary pair machines (`a+b`, `a*b`): input alphabet 0, 1 and one operator. */
function pairOperator(m: LibraryMachine): string | undefined {
  const alphabet = m.spec.inputAlphabet;
  const others = alphabet.filter((s) => s !== '0' && s !== '1');
  return alphabet.length === 3 && others.length === 1 && m.inputs !== undefined && m.inputs(3).some((w) => w.includes(others[0]!)) ? others[0] : undefined;
}

/**
 * Traces of a Turing machine of `@cotlab/turing` on random inputs, in each of its CoT encodings
 * (`transitions`, `snapshots`, `incremental`) or `none`. Parameters: `machine` (a library machine
 * that takes input, compact notation, or a `MachineSpec` object), `length` (input symbols,
 * default 8), `maxSteps`, and `answer` (`output`: the output word, the default for function
 * machines and custom specs; `outcome`: `<accept>`/`<reject>`, the default for deciders).
 * The prompt is `[BOS]`, the input symbols, `[SEP]`; the CoT is the encoded run, which ends with
 * the outcome token. With `answer: 'outcome'` the CoT holds the run without that token and the
 * answer is the outcome; with `output` the CoT is the whole run, then `[ANS]`, and the answer is
 * the output word followed by `[EOS]`. Inputs are uniform words of exactly `length` symbols over
 * the input alphabet; for the library's binary pair machines (`a+b`, `a*b`) both operands are
 * non-empty with the operator position uniform. Split by a hash of machine and input (≈ 25% test).
 *
 * @example createTuringTask({ machine: 'binary-increment', length: 6, format: 'transitions' })
 */
export function createTuringTask(params: Params = {}): Task<TuringInput> {
  const name = 'turing';
  checkKnown(name, params, ['machine', 'length', 'maxSteps', 'answer', 'format']);
  const ref = params['machine'] ?? 'binary-increment';
  const usable = machineNames().filter((m) => getMachine(m).kind !== 'busy-beaver');
  let lib: LibraryMachine | undefined;
  let spec: MachineSpec;
  let machineName: string;
  if (typeof ref === 'string' && LIBRARY.some((m) => m.name === ref)) {
    lib = getMachine(ref);
    if (lib.kind === 'busy-beaver') {
      throw new InvalidParameterError(name, 'machine', `a machine that reads an input (${usable.join(', ')}); '${ref}' runs on a blank tape`, ref);
    }
    spec = lib.spec;
    machineName = ref;
  } else if (typeof ref === 'string' && looksCompact(ref)) {
    try {
      spec = parseCompact(ref);
    } catch (error) {
      throw new InvalidParameterError(name, 'machine', `a library machine (${usable.join(', ')}), compact notation or a spec object (${(error as Error).message})`, ref);
    }
    machineName = ref;
  } else if (typeof ref === 'object' && ref !== null && 'transitions' in ref) {
    spec = ref as MachineSpec;
    machineName = spec.name ?? 'custom';
  } else if (typeof ref === 'string') {
    throw new UnknownNameError('machine', ref, usable, ` for task '${name}' (or compact notation, or a spec object)`);
  } else {
    throw new InvalidParameterError(name, 'machine', `a library machine name (${usable.join(', ')}), compact notation or a spec object`, ref);
  }
  let machine: CompiledMachine;
  try {
    machine = compileMachine(spec);
  } catch (error) {
    if (error instanceof TuringError) throw new InvalidParameterError(name, 'machine', `a valid machine spec (${error.message})`, machineName);
    throw error;
  }
  const op = lib === undefined ? undefined : pairOperator(lib);
  const length = intParam(name, params, 'length', DEFAULT_TURING_LENGTH, op === undefined ? 0 : 3, 4096);
  const maxSteps = intParam(name, params, 'maxSteps', DEFAULT_TURING_MAX_STEPS, 1);
  const answerKind = choiceParam(name, params, 'answer', ['output', 'outcome'] as const, lib?.kind === 'decider' ? 'outcome' : 'output');
  const decider = answerKind === 'outcome';
  const alphabet = spec.inputAlphabet;
  if (alphabet.length === 0 && length > 0) throw new InvalidParameterError(name, 'length', `0 (machine '${machineName}' has an empty input alphabet)`, length);
  const bits = ['0', '1'];

  const runFormat = (encodingName: EncodingName): Format<TuringInput> => {
    const encoding = getEncoding(encodingName);
    const base = encoding.vocabulary(machine);
    const vocab = [UNK, BOS, TURING_PROMPT_END, ...(decider ? [] : [TURING_ANSWER_MARK, TURING_ANSWER_END])].filter((s) => !base.includes(s));
    vocab.push(...base);
    return {
      name: encodingName,
      description: `${encoding.summary} (length ${encoding.lengthFormula})`,
      write(input): Example {
        const gen = encoding.encode(machine, input, { maxSteps });
        const tokens: string[] = [];
        let step = gen.next();
        while (step.done !== true) {
          tokens.push(step.value);
          step = gen.next();
        }
        const result = step.value;
        if (!result.halted) {
          throw new CorpusError(`machine '${machineName}' did not halt on input '${input.join('')}' within maxSteps = ${maxSteps} (${result.reason})`, 'maxSteps');
        }
        const meta = { task: 'turing', machine: machineName, input: [...input], steps: result.steps, accepted: result.accepted, output: result.output };
        if (decider) return { prompt: [BOS, ...input, TURING_PROMPT_END], cot: tokens.slice(0, -1), answer: tokens.slice(-1), meta };
        return { prompt: [BOS, ...input, TURING_PROMPT_END], cot: [...tokens, TURING_ANSWER_MARK], answer: [...result.outputSymbols, TURING_ANSWER_END], meta };
      },
      vocabulary: () => [...vocab],
      answerOf(continuation) {
        if (decider) {
          const last = continuation.find((s) => s === ACCEPT || s === REJECT);
          return last === undefined ? undefined : [last];
        }
        const at = continuation.indexOf(TURING_ANSWER_MARK);
        if (at < 0) return undefined;
        const end = continuation.indexOf(TURING_ANSWER_END, at + 1);
        return end < 0 ? undefined : continuation.slice(at + 1, end + 1);
      },
      text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
    };
  };
  const none: Format<TuringInput> = (() => {
    const symbols = [...machine.symbols];
    const vocab = [UNK, BOS, TURING_PROMPT_END, ...(decider ? [ACCEPT, REJECT] : [TURING_ANSWER_END])].filter((s) => !symbols.includes(s));
    vocab.push(...symbols);
    return {
      name: 'none',
      description: 'the answer only (the outcome for deciders, the output word for functions)',
      write(input): Example {
        const ex = runFormat('transitions').write(input);
        return { prompt: ex.prompt, cot: [], answer: ex.answer, meta: ex.meta };
      },
      vocabulary: () => [...vocab],
      answerOf(continuation) {
        if (decider) return continuation[0] === ACCEPT || continuation[0] === REJECT ? [continuation[0]] : undefined;
        const end = continuation.indexOf(TURING_ANSWER_END);
        return end < 0 ? undefined : continuation.slice(0, end + 1);
      },
      text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
    };
  })();
  const formats: Record<string, () => Format<TuringInput>> = { none: () => none };
  for (const e of ENCODING_NAMES) formats[e] = () => runFormat(e);
  const key = (input: TuringInput): string => input.join(alphabet.every((s) => s.length === 1) ? '' : ' ');
  return makeTask<TuringInput>({
    name,
    params: { machine: typeof ref === 'string' ? ref : spec, length, maxSteps, answer: answerKind },
    formats,
    defaultFormat: 'transitions',
    formatParam: params['format'],
    drawInput(rng) {
      if (op !== undefined) {
        const left = rng.range(1, length - 2);
        const word: string[] = [];
        for (let i = 0; i < length; i++) word.push(i === left ? op : bits[rng.bit()]!);
        return word;
      }
      return Array.from({ length }, () => alphabet[rng.int(alphabet.length)]!);
    },
    splitOf: (input) => hashSplit(`turing:${machineName}:${key(input)}`),
    keyOf: key,
    inputOfExample(ex) {
      const input = ex.meta['input'];
      return Array.isArray(input) ? (input as string[]) : undefined;
    },
    inputCount: undefined,
    rebuild: (p) => createTuringTask(p),
    splitRule: HASH_SPLIT_RULE.replace('key', "key = 'turing:<machine>:' + input"),
  });
}
