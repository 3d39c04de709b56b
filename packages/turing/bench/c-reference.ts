// C reference loops for the BB(5) benchmark, generated from the same compiled machine and compiled
// at bench time with the system compiler (`cc -O2`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ENTRY_MOVE_SHIFT, ENTRY_ROW_SHIFT, KIND_RUNNING, type CompiledMachine } from '@cotlab/turing';

/** Cells of the C programs' fixed tape (no bounds checks: BB(5) needs ~12,300 cells). */
const C_TAPE_CELLS = 1 << 20;

const PRELUDE = `#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
static uint8_t tape[${C_TAPE_CELLS}];
static double now(void) { struct timespec t; clock_gettime(CLOCK_MONOTONIC, &t); return t.tv_sec + t.tv_nsec * 1e-9; }
static long ones(void) { long c = 0; for (long i = 0; i < ${C_TAPE_CELLS}; i++) c += tape[i] != 0; return c; }
`;

/** The general loop in C: one lookup per step in the same packed table the JavaScript kernel uses. */
export function tableSource(m: CompiledMachine): string {
  return `${PRELUDE}
static const int32_t table[${m.table.length}] = { ${Array.from(m.table).join(', ')} };
int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 1;
  for (int r = 0; r < reps; r++) {
    memset(tape, 0, sizeof tape);
    long h = ${C_TAPE_CELLS / 2}, steps = 0;
    int32_t row = ${m.start * m.numSymbols};
    double t0 = now();
    for (;;) {
      int32_t e = table[row + tape[h]];
      if (e < 0) break;
      tape[h] = (uint8_t)(e & 0xff);
      h += ((e >> ${ENTRY_MOVE_SHIFT}) & 3) - 1;
      row = e >> ${ENTRY_ROW_SHIFT};
      steps++;
    }
    double t1 = now();
    printf("%ld %ld %.9f\\n", steps, ones(), t1 - t0);
  }
  return 0;
}
`;
}

/** The loop specialised to one machine: a switch over the states, the rules as constants. */
export function switchSource(m: CompiledMachine): string {
  const k = m.numSymbols;
  const cases: string[] = [];
  for (let s = 0; s < m.numStates; s++) {
    if (m.kind[s] !== KIND_RUNNING) continue;
    const arms: string[] = [];
    for (let c = 0; c < k; c++) {
      const at = s * k + c;
      const next = m.next[at]!;
      if (next < 0) continue;
      arms.push(`case ${c}: tape[h] = ${m.write[at]}; h += ${m.move[at]}; s = ${next}; break;`);
    }
    cases.push(`case ${s}: switch (tape[h]) { ${arms.join(' ')} default: goto done; } break;`);
  }
  return `${PRELUDE}
int main(int argc, char **argv) {
  int reps = argc > 1 ? atoi(argv[1]) : 1;
  for (int r = 0; r < reps; r++) {
    memset(tape, 0, sizeof tape);
    long h = ${C_TAPE_CELLS / 2}, steps = 0;
    int s = ${m.start};
    double t0 = now();
    for (;;) {
      switch (s) {
        ${cases.join('\n        ')}
        default: goto done;
      }
      steps++;
    }
  done:;
    double t1 = now();
    printf("%ld %ld %.9f\\n", steps, ones(), t1 - t0);
  }
  return 0;
}
`;
}

export interface CTiming {
  steps: number;
  ones: number;
  seconds: number[];
}

/** A compiled C reference program, or why there is none. */
export type CProgram = { run(reps: number): CTiming } | { skipped: string };

/** Compiles a C source with `cc -O2` in a temporary directory (removed by `cleanup`). */
export function compileC(name: string, source: string, dir: string): CProgram {
  const src = join(dir, `${name}.c`);
  const exe = join(dir, name);
  writeFileSync(src, source);
  const cc = process.env['CC'] ?? 'cc';
  const built = spawnSync(cc, ['-O2', '-o', exe, src], { encoding: 'utf8' });
  if (built.error !== undefined) return { skipped: `no C compiler ('${cc}': ${built.error.message}); C references skipped` };
  if (built.status !== 0) return { skipped: `'${cc} -O2' failed: ${built.stderr.trim().split('\n')[0] ?? ''}` };
  return {
    run(reps) {
      const out = spawnSync(exe, [String(reps)], { encoding: 'utf8' });
      if (out.status !== 0) throw new Error(`bench: ${name} exited with ${out.status}: ${out.stderr}`);
      const lines = out.stdout.trim().split('\n').map((l) => l.split(' ').map(Number));
      const first = lines[0] ?? [];
      return { steps: first[0] ?? 0, ones: first[1] ?? 0, seconds: lines.map((l) => l[2] ?? Number.NaN) };
    },
  };
}

export function makeTempDir(): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'cotlab-turing-bench-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
