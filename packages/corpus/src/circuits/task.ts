import { BOS, SPECIAL_SYMBOLS, spaced } from '../digits.js';
import { makeTask } from '../make-task.js';
import { checkKnown, choiceParam, intParam, type Params } from '../params.js';
import { HASH_SPLIT_RULE, hashSplit } from '../split.js';
import type { Example, Format, Task } from '../types.js';
import { evaluateCircuit, type ThresholdCircuit } from './circuit.js';
import { circuitByName, CIRCUITS, type CircuitName } from './library.js';

/** Input bits of a circuit. */
export type CircuitInput = Uint8Array;

const BIT = ['0', '1'] as const;
const OPERAND_SEPARATOR = ';';
const ANSWER_MARK = '=';

function key(bits: CircuitInput): string {
  return Array.from(bits, (b) => BIT[b]).join('');
}

/**
 * Threshold-circuit traces (the paper's theorem: a linear threshold circuit with T gates is
 * computed by a linear next-token predictor in T steps). Parameters: `circuit` (parity,
 * comparison, addition, multiplication) and `bits` (per operand). Formats:
 * - `gates`: the CoT is the value of every gate in topological order (T tokens), then `=` and the
 *   output bits;
 * - `none`: the output bits only.
 * The prompt is `[BOS]`, the input bits (operands least significant bit first, separated by `;`),
 * then `=` for `none` or `|` for `gates`. Split by a hash of the input bits.
 *
 * @example createCircuitTask({ circuit: 'addition', bits: 4 }).format.fixedLength // 1+9+1 + 9+1 + 5
 */
export function createCircuitTask(params: Params = {}): Task<CircuitInput> {
  const name = 'circuit';
  checkKnown(name, params, ['circuit', 'bits', 'format']);
  const which = choiceParam<CircuitName>(name, params, 'circuit', CIRCUITS, 'parity');
  const bits = intParam(name, params, 'bits', 8, 1);
  const circuit: ThresholdCircuit = circuitByName(which, bits);
  const operands = which === 'parity' ? 1 : 2;
  const prompt = (x: CircuitInput, end: string): string[] => {
    const out = [BOS];
    for (let i = 0; i < x.length; i++) {
      if (i > 0 && i % bits === 0) out.push(OPERAND_SEPARATOR);
      out.push(BIT[x[i]!]!);
    }
    out.push(end);
    return out;
  };
  const meta = (x: CircuitInput): Record<string, unknown> => ({ task: 'circuit', circuit: circuit.name, input: key(x) });
  const vocab = [...SPECIAL_SYMBOLS, '0', '1', OPERAND_SEPARATOR, '|', ANSWER_MARK];
  const outs = circuit.outputs.length;
  const promptLength = 1 + circuit.inputs + (operands - 1) + 1;
  const answerOf = (c: readonly string[], at: number): string[] | undefined => {
    if (at < 0 || at + outs > c.length) return undefined;
    const ans = c.slice(at, at + outs);
    return ans.every((s) => s === '0' || s === '1') ? ans : undefined;
  };
  const gates: Format<CircuitInput> = {
    name: 'gates',
    description: `every gate value in topological order (${circuit.gates.length} gates for ${circuit.name})`,
    fixedLength: promptLength + circuit.gates.length + 1 + outs,
    write(x): Example {
      const ev = evaluateCircuit(circuit, x);
      return { prompt: prompt(x, '|'), cot: [...Array.from(ev.gates, (v) => BIT[v]!), ANSWER_MARK], answer: Array.from(ev.outputs, (v) => BIT[v]!), meta: meta(x) };
    },
    vocabulary: () => [...vocab],
    answerOf: (c) => answerOf(c, c.indexOf(ANSWER_MARK) < 0 ? -1 : c.indexOf(ANSWER_MARK) + 1),
    text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
  };
  const none: Format<CircuitInput> = {
    name: 'none',
    description: 'the output bits only',
    fixedLength: promptLength + outs,
    write: (x): Example => ({ prompt: prompt(x, ANSWER_MARK), cot: [], answer: Array.from(evaluateCircuit(circuit, x).outputs, (v) => BIT[v]!), meta: meta(x) }),
    vocabulary: () => [...vocab],
    answerOf: (c) => answerOf(c, 0),
    text: (ex) => spaced([...ex.prompt, ...ex.cot, ...ex.answer]),
  };
  const n = circuit.inputs;
  return makeTask<CircuitInput>({
    name,
    params: { circuit: which, bits },
    formats: { gates: () => gates, none: () => none },
    defaultFormat: 'gates',
    formatParam: params['format'],
    drawInput(rng) {
      const x = new Uint8Array(n);
      for (let i = 0; i < n; i++) x[i] = rng.bit();
      return x;
    },
    splitOf: (x) => hashSplit(`circuit:${circuit.name}:${key(x)}`),
    keyOf: key,
    inputOfExample(ex) {
      const s = ex.meta['input'];
      return typeof s === 'string' ? Uint8Array.from(s, (c) => (c === '1' ? 1 : 0)) : undefined;
    },
    inputCount: n <= 53 ? 2 ** n : undefined,
    ...(n <= 24
      ? {
          *inputs() {
            for (let v = 0; v < 2 ** n; v++) yield Uint8Array.from({ length: n }, (_, i) => Math.floor(v / 2 ** i) % 2);
          },
        }
      : {}),
    rebuild: (p) => createCircuitTask(p),
    splitRule: HASH_SPLIT_RULE.replace('key', "key = 'circuit:<name>:' + bits"),
  });
}
