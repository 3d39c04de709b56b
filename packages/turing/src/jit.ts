import { KIND_RUNNING, type CompiledMachine } from './compile.js';
import { threadedSource } from './jit-threaded.js';
import { fusedRunSource } from './run-skip.js';
import type { Kernel } from './kernel.js';

/** The default dispatch of generated kernels. */
const DEFAULT_DISPATCH = 'threaded';

/** Options of the generated code. */
export interface JitOptions {
  /**
   * Fuse runs: a rule that keeps the state and moves over the symbol it reads (`B 1 → 1 R B`)
   * becomes a tight loop over the whole run of such cells instead of one dispatch per step. Step
   * counts are unchanged. Default true.
   */
  fuseRuns?: boolean;
  /**
   * Rules executed per dispatch: each rule's code is followed inline by the rules of the state it
   * enters, this many levels deep. Default 1 (no inlining).
   */
  inlineDepth?: number;
  /**
   * How the next state's code is reached: 'threaded' (default: direct jumps for rules entering a
   * later state in breadth-first order or keeping the state, see `threadedSource`), a `switch`
   * over states after every rule, or an `if … else if` chain.
   */
  dispatch?: 'threaded' | 'switch' | 'if';
}

/** Alphabets up to this size dispatch on the symbol with an `if` chain, larger ones with a `switch`. */
const IF_CHAIN_MAX_SYMBOLS = 4;
/**
 * Rules executed per dispatch of the `switch`/`if` kernels (inlining grows the code as
 * symbols^depth). Measured on BB(5), deeper inlining did not pay off in V8.
 */
const DEFAULT_INLINE_DEPTH = 1;

/**
 * Generates the source of a kernel specialised to one machine, the rules as constants. By default
 * the jumps between states are threaded (see `threadedSource`); with `dispatch: 'switch'` or
 * `'if'`, every rule goes back to a dispatch over the states, optionally after the next state's
 * rules inline (`inlineDepth`). Exposed for inspection and tests.
 *
 * @example
 * console.log(kernelSource(compileMachine(parseCompact('1RB1LB_1LA1RZ'))));
 */
export function kernelSource(machine: CompiledMachine, options: JitOptions = {}): string {
  const fuse = options.fuseRuns ?? true;
  if ((options.dispatch ?? DEFAULT_DISPATCH) === 'threaded') return threadedSource(machine, fuse);
  const depth = options.inlineDepth ?? DEFAULT_INLINE_DEPTH;
  const k = machine.numSymbols;
  let fresh = 0;
  /** Code that executes state s on the symbol under the head, then (depth > 1) the next state's rules. */
  const emitState = (s: number, level: number, indent: string): string => {
    if (machine.kind[s] !== KIND_RUNNING) return `s = ${s}; blocked = 1; break loop;`;
    const c = `c${fresh++}`;
    const branches: [number, string][] = [];
    for (let sym = 0; sym < k; sym++) {
      const at = s * k + sym;
      const next = machine.next[at]!;
      if (next < 0) continue;
      const w = machine.write[at]!;
      const d = machine.move[at]!;
      const store = w === sym ? '' : `cells[h] = ${w}; `;
      const step = d === 0 ? '' : d > 0 ? 'h++; ' : 'h--; ';
      let body = fuse && next === s && d !== 0 ? fusedRunSource(sym, w, d, k) : `${store}${step}n--;`;
      const inner = `${indent}  `;
      if (level > 1) body += `\n${inner}if (n === 0) { s = ${next}; break loop; }\n${inner}${emitState(next, level - 1, inner)}`;
      else body += ` s = ${next}; continue;`;
      branches.push([sym, body]);
    }
    const missing = `s = ${s}; blocked = 1; break loop;`;
    if (branches.length === 0) return missing;
    if (k <= IF_CHAIN_MAX_SYMBOLS) {
      const chain = branches.map(([sym, body], i) => `${i === 0 ? '' : 'else '}if (${c} === ${sym}) {\n${indent}  ${body}\n${indent}}`).join(' ');
      return `const ${c} = cells[h];\n${indent}${chain}\n${indent}else { ${missing} }`;
    }
    const arms = branches.map(([sym, body]) => `case ${sym}: {\n${indent}  ${body}\n${indent}}`).join('\n' + indent);
    return `switch (cells[h]) {\n${indent}${arms}\n${indent}default: ${missing}\n${indent}}`;
  };
  const cases: string[] = [];
  const ifChain = (options.dispatch ?? DEFAULT_DISPATCH) === 'if';
  for (let s = 0; s < machine.numStates; s++) {
    const body = emitState(s, depth, '        ');
    cases.push(ifChain ? `    ${s === 0 ? '' : 'else '}if (s === ${s}) {\n        ${body}\n      }` : `      case ${s}: {\n        ${body}\n      }`);
  }
  const dispatch = ifChain ? `${cases.join('\n')}\n    else { blocked = 1; break loop; }` : `    switch (s) {\n${cases.join('\n')}\n      default: blocked = 1; break loop;\n    }`;
  return `"use strict";
return function kernel(cells, h, row, budget, out) {
  let s = (row / ${k}) | 0;
  let n = Math.min(h, cells.length - 1 - h, budget);
  const planned = n;
  let blocked = 0;
  loop: while (n > 0) {
${dispatch}
  }
  out[0] = h;
  out[1] = s * ${k};
  out[2] = blocked;
  return planned - n;
};`;
}

const cache = new WeakMap<CompiledMachine, Map<string, Kernel>>();

/**
 * Compiles a machine to JavaScript specialised to it (generated with `new Function`, so it needs
 * an environment that allows run-time code generation; browsers with a strict Content Security
 * Policy do not). Same results as the table kernel, step for step. Cached per machine.
 *
 * @example
 * const r = run(getMachine('bb5').spec, [], { engine: 'jit' });
 */
export function jitKernel(machine: CompiledMachine, options: JitOptions = {}): Kernel {
  const key = `${options.fuseRuns ?? true} ${options.inlineDepth ?? DEFAULT_INLINE_DEPTH} ${options.dispatch ?? DEFAULT_DISPATCH}`;
  let byOptions = cache.get(machine);
  if (byOptions === undefined) {
    byOptions = new Map();
    cache.set(machine, byOptions);
  }
  let kernel = byOptions.get(key);
  if (kernel === undefined) {
    // Generating the specialised code at run time is the point of this engine.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function(kernelSource(machine, options)) as () => Kernel;
    kernel = factory();
    byOptions.set(key, kernel);
  }
  return kernel;
}
