import {
  circuitSizeTable, compileLibraryCircuit, compileMachineProgram, countLogParityProgram, denseParameterCount, machineBoundsFor, sizeOf,
  sparseParameterCount, sparsePredictorToJson, toSparsePredictor, toTorchStateDict, verifyAgainstTask, verifyMachineProgram,
  CompilerError, EXHAUSTIVE_BITS, type SizeRow, type SparsePredictor, type Verification,
} from '@cotlab/compiler';
import { CIRCUITS, countWidth, createCircuitTask, createParityTask, MAX_CIRCUIT_BITS, type CircuitName } from '@cotlab/corpus';
import { writeFileAtomic } from '@cotlab/evaluator/node';
import { serializeSafetensors } from '@cotlab/models';
import { getMachine, machineNames, UnknownMachineError } from '@cotlab/turing';
import { UsageError, type CommandSpec } from '../command.js';
import { intOption, stringOption } from '../options.js';

const KINDS = ['circuit', 'parity-log', 'machine', 'table'] as const;
/** Default longest input word checked for machines (every word up to it). */
const DEFAULT_MACHINE_LENGTH = 5;
/** Step limit when measuring a machine's bounds. */
const BOUNDS_MAX_STEPS = 100_000;

function sizeTable(rows: readonly SizeRow[]): string {
  const head = '| target | n | gates T | generated | length | V | dense params (d = V) | sparse params |\n|---|--:|--:|--:|--:|--:|--:|--:|\n';
  return head + rows.map((r) => `| ${r.target} | ${r.n} | ${r.gates} | ${r.generated} | ${r.length} | ${r.vocabSize} | ${r.denseParameters.toLocaleString('en-US')} | ${r.sparseParameters.toLocaleString('en-US')} |`).join('\n') + '\n';
}

function verdict(v: Verification): string {
  const scope = v.exhaustive ? 'every input' : 'random inputs';
  const base = `${v.name}: ${v.checked - v.failures}/${v.checked} right (${scope})`;
  return v.firstFailure === undefined ? base : `${base}; first failure on ${v.firstFailure.input}:\n  expected ${v.firstFailure.expected}\n  received ${v.firstFailure.received}`;
}

async function save(p: SparsePredictor, out: string): Promise<string> {
  if (out.endsWith('.safetensors')) {
    await writeFileAtomic(out, serializeSafetensors(toTorchStateDict(p), { vocabulary: JSON.stringify(p.vocabulary) }));
    return `dense LinearModel weights (paper layout, d = V = ${p.vocabulary.length}, T = ${p.length}) → ${out}`;
  }
  if (out.endsWith('.json')) {
    await writeFileAtomic(out, sparsePredictorToJson(p));
    return `sparse predictor → ${out}`;
  }
  throw new UsageError(`--out must end in .safetensors (dense) or .json (sparse), got '${out}'`);
}

export const compileCommand: CommandSpec = {
  name: 'compile',
  summary: 'compile a threshold circuit or a Turing machine into an exact linear next-token predictor, and check it',
  args: 'circuit NAME | parity-log | machine NAME | table',
  options: {
    bits: { type: 'string', valueName: 'N', description: 'circuit: bits per operand; parity-log: input bits', default: '8' },
    'max-length': { type: 'string', valueName: 'L', description: `machine: check every input word of length ≤ L (the bounds are measured on them)`, default: String(DEFAULT_MACHINE_LENGTH) },
    samples: { type: 'string', valueName: 'N', description: `random inputs checked when there are more than 2^${EXHAUSTIVE_BITS}`, default: '2000' },
    seed: { type: 'string', valueName: 'N', description: 'seed of the random inputs', default: '0' },
    out: { type: 'string', valueName: 'FILE', description: 'write the weights: .safetensors (dense, loadable by cotlab model/generate) or .json (sparse)' },
    json: { type: 'boolean', description: 'print one JSON object (sizes and verification)' },
  },
  details: `Examples:
  cotlab compile circuit addition --bits 8          # all 65,536 inputs checked
  cotlab compile parity-log --bits 64               # the O(log n) parity CoT, random inputs
  cotlab compile machine binary-addition --max-length 5
  cotlab compile table                              # T and parameter counts as functions of n
Circuits: ${CIRCUITS.join(', ')}. Machines: the @cotlab/turing library (${machineNames().slice(0, 7).join(', ')}, …).
Exit code 1 when the compiled predictor disagrees with the reference on any input.`,
  async run({ values, positionals, stdout, stderr, signal }) {
    const [kind, name, ...extra] = positionals;
    if (kind === undefined || !(KINDS as readonly string[]).includes(kind)) throw new UsageError(`compile needs one of ${KINDS.join(', ')}, got ${kind === undefined ? 'nothing' : `'${kind}'`}`);
    if (extra.length > 0) throw new UsageError(`compile ${kind} takes at most one NAME, got ${positionals.length - 1}`);
    const samples = intOption(values, 'samples', 2000, 1);
    const seed = intOption(values, 'seed', 0, 0);
    const out = stringOption(values, 'out');
    const json = values['json'] === true;
    const progress = (p: { done: number; total: number }): void => {
      if (!json) stderr.write(`\rchecking ${p.done}/${p.total}`);
    };
    if (kind === 'table') {
      const rows = circuitSizeTable();
      stdout.write(json ? `${JSON.stringify(rows)}\n` : sizeTable(rows));
      return 0;
    }
    const t0 = performance.now();
    let predictor: SparsePredictor;
    let row: SizeRow;
    let verification: Verification;
    let extraInfo: Record<string, unknown> = {};
    try {
      if (kind === 'circuit') {
        if (name === undefined || !(CIRCUITS as readonly string[]).includes(name)) throw new UsageError(`compile circuit needs a NAME among ${CIRCUITS.join(', ')}, got ${name === undefined ? 'nothing' : `'${name}'`}`);
        const circuitName = name as CircuitName;
        const bits = intOption(values, 'bits', 8, 1, MAX_CIRCUIT_BITS[circuitName]);
        const { program, circuit } = compileLibraryCircuit(circuitName, bits);
        predictor = toSparsePredictor(program);
        row = sizeOf(circuitName, bits, program, circuit.gates.length);
        verification = verifyAgainstTask(predictor, createCircuitTask({ circuit: circuitName, bits, format: 'gates' }), { samples, seed, signal, onProgress: progress });
      } else if (kind === 'parity-log') {
        if (name !== undefined) throw new UsageError(`compile parity-log takes no NAME, got '${name}'`);
        const bits = intOption(values, 'bits', 8, 1);
        const program = countLogParityProgram(bits);
        predictor = toSparsePredictor(program);
        row = sizeOf('parity (count-log)', bits, program, countWidth(bits));
        verification = verifyAgainstTask(predictor, createParityTask({ bits, format: 'count-log' }), { samples, seed, signal, onProgress: progress });
      } else {
        if (name === undefined) throw new UsageError('compile machine needs a NAME of the @cotlab/turing library');
        let lm;
        try {
          lm = getMachine(name);
        } catch (error) {
          if (error instanceof UnknownMachineError) throw new UsageError(error.message.replace(/^turing: /u, ''));
          throw error;
        }
        if (lm.inputs === undefined) throw new UsageError(`machine '${name}' has no input domain to check (busy beavers run on a blank tape)`);
        const maxLength = intOption(values, 'max-length', DEFAULT_MACHINE_LENGTH, 1, 12);
        const words = lm.inputs(maxLength);
        const bounds = machineBoundsFor(lm.spec, words, BOUNDS_MAX_STEPS);
        if (bounds.unhalted.length > 0) throw new UsageError(`machine '${name}' does not halt within ${BOUNDS_MAX_STEPS} steps on ${bounds.unhalted.length} inputs, e.g. '${bounds.unhalted[0] ?? ''}'`);
        const mp = compileMachineProgram(lm.spec, bounds);
        predictor = toSparsePredictor(mp.program);
        row = sizeOf(`machine ${name}`, maxLength, mp.program, mp.circuit.gates.length);
        extraInfo = { bounds: { cells: bounds.cells, left: bounds.left, steps: bounds.steps }, gatesPerStep: mp.gatesPerStep, inputs: words.length };
        verification = verifyMachineProgram(mp, words, { predictor, signal, onProgress: progress });
      }
    } catch (error) {
      if (error instanceof CompilerError) throw new UsageError(error.message);
      throw error;
    }
    if (!json) stderr.write('\n');
    const seconds = (performance.now() - t0) / 1000;
    let saved: string | undefined;
    try {
      saved = out === undefined ? undefined : await save(predictor, out);
    } catch (error) {
      if (error instanceof CompilerError) throw new UsageError(error.message);
      throw error;
    }
    if (json) {
      stdout.write(`${JSON.stringify({ ...row, ...extraInfo, sparseParameters: sparseParameterCount(predictor), denseParameters: denseParameterCount(predictor.length, predictor.vocabulary.length), verification, seconds, ...(saved === undefined ? {} : { saved }) })}\n`);
    } else {
      stdout.write(sizeTable([row]));
      if (Object.keys(extraInfo).length > 0) stdout.write(`${JSON.stringify(extraInfo)}\n`);
      stdout.write(`${verdict(verification)} in ${seconds.toFixed(2)} s\n`);
      if (saved !== undefined) stdout.write(`${saved}\n`);
    }
    return verification.failures === 0 ? 0 : 1;
  },
};
