import { KIND_RUNNING, type CompiledMachine } from './compile.js';
import type { Kernel } from './kernel.js';

/** Options of the generated code. */
export interface JitOptions {
  /**
   * Fuse runs: a rule that keeps the state and moves over the symbol it reads (`B 1 → 1 R B`)
   * becomes a tight loop over the whole run of such cells instead of one dispatch per step. Step
   * counts are unchanged. Default true.
   */
  fuseRuns?: boolean;
}

/** Alphabets up to this size dispatch on the symbol with an `if` chain, larger ones with a `switch`. */
const IF_CHAIN_MAX_SYMBOLS = 4;

/**
 * Generates the source of a kernel specialised to one machine: a `switch` over the states whose
 * cases hold that state's rules as constants. Exposed for inspection and tests.
 *
 * @example
 * console.log(kernelSource(compileMachine(parseCompact('1RB1LB_1LA1RZ'))));
 */
export function kernelSource(machine: CompiledMachine, options: JitOptions = {}): string {
  const fuse = options.fuseRuns ?? true;
  const k = machine.numSymbols;
  const cases: string[] = [];
  for (let s = 0; s < machine.numStates; s++) {
    if (machine.kind[s] !== KIND_RUNNING) {
      cases.push(`      case ${s}: blocked = 1; break loop;`);
      continue;
    }
    const branches: [number, string][] = [];
    for (let c = 0; c < k; c++) {
      const at = s * k + c;
      const next = machine.next[at]!;
      if (next < 0) continue;
      const w = machine.write[at]!;
      const d = machine.move[at]!;
      const store = w === c ? '' : `cells[h] = ${w}; `;
      const step = d === 0 ? '' : d > 0 ? 'h++; ' : 'h--; ';
      let body: string;
      if (fuse && next === s && d !== 0) {
        body = `do { ${store}${step}n--; } while (n > 0 && cells[h] === ${c});`;
      } else {
        body = `${store}${step}${next === s ? '' : `s = ${next}; `}n--;`;
      }
      branches.push([c, body]);
    }
    let dispatch: string;
    if (branches.length === 0) dispatch = 'blocked = 1; break loop;';
    else if (k <= IF_CHAIN_MAX_SYMBOLS) {
      const chain = branches.map(([c, body], i) => `${i === 0 ? '' : 'else '}if (c === ${c}) { ${body} }`).join('\n          ');
      dispatch = `const c = cells[h];\n          ${chain}\n          else { blocked = 1; break loop; }\n          continue;`;
    } else {
      const arms = branches.map(([c, body]) => `case ${c}: ${body} continue loop;`).join('\n            ');
      dispatch = `switch (cells[h]) {\n            ${arms}\n            default: blocked = 1; break loop;\n          }`;
    }
    cases.push(`      case ${s}: {\n          ${dispatch}\n        }`);
  }
  return `"use strict";
return function kernel(cells, h, row, budget, out) {
  let s = (row / ${k}) | 0;
  let n = Math.min(h, cells.length - 1 - h, budget);
  const planned = n;
  let blocked = 0;
  loop: while (n > 0) {
    switch (s) {
${cases.join('\n')}
      default: blocked = 1; break loop;
    }
  }
  out[0] = h;
  out[1] = s * ${k};
  out[2] = blocked;
  return planned - n;
};`;
}

const cache = new WeakMap<CompiledMachine, Map<boolean, Kernel>>();

/**
 * Compiles a machine to JavaScript specialised to it (generated with `new Function`, so it needs
 * an environment that allows run-time code generation; browsers with a strict Content Security
 * Policy do not). Same results as the table kernel, step for step. Cached per machine.
 *
 * @example
 * const r = run(getMachine('bb5').spec, [], { engine: 'jit' });
 */
export function jitKernel(machine: CompiledMachine, options: JitOptions = {}): Kernel {
  const fuse = options.fuseRuns ?? true;
  let byFuse = cache.get(machine);
  if (byFuse === undefined) {
    byFuse = new Map();
    cache.set(machine, byFuse);
  }
  let kernel = byFuse.get(fuse);
  if (kernel === undefined) {
    // Generating the specialised code at run time is the point of this engine.
    // eslint-disable-next-line @typescript-eslint/no-implied-eval
    const factory = new Function(kernelSource(machine, { fuseRuns: fuse })) as () => Kernel;
    kernel = factory();
    byFuse.set(fuse, kernel);
  }
  return kernel;
}
