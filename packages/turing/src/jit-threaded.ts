import { KIND_RUNNING, type CompiledMachine } from './compile.js';
import { fusedRunSource } from './run-skip.js';

/** Alphabets up to this size dispatch on the symbol with an `if` chain, larger ones with a `switch`. */
const IF_CHAIN_MAX_SYMBOLS = 4;

/** Running states in breadth-first order from the start, then any unreachable ones. */
function stateOrder(machine: CompiledMachine): number[] {
  const order: number[] = [];
  const seen = new Uint8Array(machine.numStates);
  const queue = [machine.start];
  seen[machine.start] = 1;
  while (queue.length > 0) {
    const s = queue.shift()!;
    if (machine.kind[s] === KIND_RUNNING) order.push(s);
    for (let c = 0; c < machine.numSymbols; c++) {
      const next = machine.next[s * machine.numSymbols + c]!;
      if (next >= 0 && seen[next] === 0) {
        seen[next] = 1;
        queue.push(next);
      }
    }
  }
  for (let s = 0; s < machine.numStates; s++) if (seen[s] === 0 && machine.kind[s] === KIND_RUNNING) order.push(s);
  return order;
}

/**
 * Source of a "threaded" kernel: each running state's code sits after the close of its own labeled
 * block, in breadth-first order, so a rule entering a later state is a `break` straight to that
 * state's code, a rule keeping the state is a `continue` of the state's own loop, and only a rule
 * entering an earlier state goes back through the `switch` at the top (skipped for the first
 * state). This hand-threads the jumps a C compiler threads in a `switch` loop.
 */
export function threadedSource(machine: CompiledMachine, fuseRuns: boolean): string {
  const k = machine.numSymbols;
  const order = stateOrder(machine);
  const position = new Map(order.map((s, i) => [s, i]));
  const lines: string[] = [];
  const first = order[0];
  const jump = (from: number, to: number): string => {
    if (machine.kind[to] !== KIND_RUNNING) return `s = ${to}; blocked = 1; break loop;`;
    if (to === from) return `continue s${from};`;
    const p = position.get(to)!;
    if (p > position.get(from)!) return `break b${to};`;
    return `s = ${to}; continue loop;`;
  };
  lines.push('loop: for (;;) {');
  for (let i = order.length - 1; i >= 0; i--) lines.push(`b${order[i]!}: {`);
  const arms = order.map((s) => `case ${s}: break b${s};`).join(' ');
  lines.push(`if (s !== ${first ?? -1}) { switch (s) { ${arms} default: blocked = 1; break loop; } }`);
  for (const s of order) {
    lines.push(`} // b${s}: state ${machine.states[s] ?? s}`);
    lines.push(`s${s}: for (;;) {`);
    lines.push(`if (n <= 0) { s = ${s}; break loop; }`);
    const branches: [number, string][] = [];
    for (let c = 0; c < k; c++) {
      const at = s * k + c;
      const next = machine.next[at]!;
      if (next < 0) continue;
      const w = machine.write[at]!;
      const d = machine.move[at]!;
      const store = w === c ? '' : `cells[h] = ${w}; `;
      const step = d === 0 ? '' : d > 0 ? 'h++; ' : 'h--; ';
      const body = fuseRuns && next === s && d !== 0 ? fusedRunSource(c, w, d, k) : `${store}${step}n--;`;
      branches.push([c, `${body} ${jump(s, next)}`]);
    }
    const missing = `s = ${s}; blocked = 1; break loop;`;
    if (branches.length === 0) lines.push(missing);
    else if (k <= IF_CHAIN_MAX_SYMBOLS) {
      lines.push(`const c = cells[h];`);
      lines.push(branches.map(([c, body], i) => `${i === 0 ? '' : 'else '}if (c === ${c}) { ${body} }`).join('\n'));
      lines.push(`else { ${missing} }`);
    } else {
      lines.push(`switch (cells[h]) { ${branches.map(([c, body]) => `case ${c}: { ${body} }`).join(' ')} default: ${missing} }`);
    }
    lines.push('}');
  }
  lines.push('}');
  return `"use strict";
return function kernel(cells, h, row, budget, out) {
  let s = (row / ${k}) | 0;
  let n = Math.min(h, cells.length - 1 - h, budget);
  const planned = n;
  let blocked = 0;
  if (n > 0) {
${lines.join('\n')}
  }
  out[0] = h;
  out[1] = s * ${k};
  out[2] = blocked;
  return planned - n;
};`;
}
