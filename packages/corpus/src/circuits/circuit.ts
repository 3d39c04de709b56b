import { CorpusError } from '../errors.js';

/**
 * A linear threshold gate: output 1 iff Σ weight·value(node) ≥ threshold, over input nodes and
 * earlier gates. Nodes are numbered inputs first (0 … inputs−1), then gates in order.
 */
export interface ThresholdGate {
  /** Pairs [node, weight]; nodes must come before this gate (topological order). */
  terms: readonly (readonly [number, number])[];
  threshold: number;
  /** Optional label, e.g. `carry3`. */
  label?: string;
}

/** A linear threshold circuit: JSON-serialisable. */
export interface ThresholdCircuit {
  name: string;
  inputs: number;
  gates: readonly ThresholdGate[];
  /** Nodes whose values are the circuit's outputs, in order. */
  outputs: readonly number[];
}

/**
 * Builds a threshold circuit gate by gate; each `gate` returns its node number.
 *
 * @example
 * const b = new CircuitBuilder('and', 2);
 * b.output(b.gate([[0, 1], [1, 1]], 2));
 * evaluateCircuit(b.build(), [1, 1]).outputs; // [1]
 */
export class CircuitBuilder {
  private readonly gates: ThresholdGate[] = [];
  private readonly outs: number[] = [];

  constructor(
    readonly name: string,
    readonly inputs: number,
  ) {
    if (!(Number.isSafeInteger(inputs) && inputs >= 0)) throw new CorpusError(`circuit '${name}' needs inputs to be an integer ≥ 0, got ${inputs}`, 'inputs');
  }

  /** Number of nodes so far (inputs + gates). */
  get size(): number {
    return this.inputs + this.gates.length;
  }

  gate(terms: readonly (readonly [number, number])[], threshold: number, label?: string): number {
    const node = this.size;
    for (const [n, w] of terms) {
      if (!(Number.isInteger(n) && n >= 0 && n < node)) throw new CorpusError(`circuit '${this.name}': gate ${node - this.inputs} reads node ${n}, expected an earlier node in [0, ${node})`, 'terms');
      if (!Number.isSafeInteger(w)) throw new CorpusError(`circuit '${this.name}': gate ${node - this.inputs} has weight ${w}, expected a safe integer`, 'terms');
    }
    this.gates.push(label === undefined ? { terms, threshold } : { terms, threshold, label });
    return node;
  }

  output(node: number): void {
    if (!(Number.isInteger(node) && node >= 0 && node < this.size)) throw new CorpusError(`circuit '${this.name}': output node ${node} is not in [0, ${this.size})`, 'outputs');
    this.outs.push(node);
  }

  build(): ThresholdCircuit {
    return { name: this.name, inputs: this.inputs, gates: [...this.gates], outputs: [...this.outs] };
  }
}

/** Values of every gate (in order) and of the outputs. */
export interface CircuitEvaluation {
  gates: Uint8Array;
  outputs: Uint8Array;
}

/**
 * Evaluates a circuit on 0/1 inputs.
 *
 * @example evaluateCircuit(parityCircuit(3), [1, 0, 1]).outputs // [0]
 */
export function evaluateCircuit(circuit: ThresholdCircuit, input: ArrayLike<number>): CircuitEvaluation {
  if (input.length !== circuit.inputs) throw new CorpusError(`circuit '${circuit.name}' takes ${circuit.inputs} input bits, got ${input.length}`, 'input');
  const values = new Uint8Array(circuit.inputs + circuit.gates.length);
  for (let i = 0; i < circuit.inputs; i++) values[i] = input[i] ? 1 : 0;
  circuit.gates.forEach((g, t) => {
    let s = 0;
    for (const [n, w] of g.terms) s += w * values[n]!;
    values[circuit.inputs + t] = s >= g.threshold ? 1 : 0;
  });
  return { gates: values.subarray(circuit.inputs), outputs: Uint8Array.from(circuit.outputs, (n) => values[n]!) };
}
