import { getMachine } from '@cotlab/turing';
import { describe, expect, it } from 'vitest';
import { createRng } from '../rng.js';
import { createTuringTask } from './task.js';

describe('turing task', () => {
  it('writes runs in every encoding; answers match the machine reference; answerOf inverts', () => {
    const rng = createRng(4);
    for (const machine of ['binary-increment', 'binary-addition', 'parity', 'palindrome', 'copy']) {
      const ref = getMachine(machine).reference!;
      for (const format of ['transitions', 'snapshots', 'incremental', 'none']) {
        const task = createTuringTask({ machine, length: 6, format });
        const vocab = new Set(task.vocabulary());
        for (let t = 0; t < 5; t++) {
          const ex = task.draw(rng);
          const input = (ex.meta['input'] as string[]).join('');
          expect(input).toHaveLength(6);
          const want = ref(input);
          if (getMachine(machine).kind === 'decider') expect(ex.answer).toEqual([want.accepted ? '<accept>' : '<reject>']);
          else expect(ex.answer.slice(0, -1).join('')).toBe(want.output);
          expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(ex.answer);
          for (const s of [...ex.prompt, ...ex.cot, ...ex.answer]) expect(vocab.has(s), `${s} in vocabulary`).toBe(true);
          expect(task.split(ex)).toBe(ex.meta['split']);
        }
      }
    }
  });
  it('rejects unknown machines, blank-tape machines and impossible lengths', () => {
    expect(() => createTuringTask({ machine: 'nope' })).toThrow(/unknown machine 'nope'.*binary-increment/);
    expect(() => createTuringTask({ machine: 'bb5' })).toThrow(/blank tape/);
    expect(() => createTuringTask({ machine: 'binary-addition', length: 2 })).toThrow(/length to be an integer in \[3, 4096\]/);
    expect(() => createTuringTask({ machine: 'parity', format: 'tape' })).toThrow(/valid: none, transitions, snapshots, incremental/);
  });
  it('takes a machine spec object (or compact notation), with the output or the outcome as answer', () => {
    const flip = {
      name: 'flip',
      states: ['q0', 'done'],
      inputAlphabet: ['0', '1'],
      tapeAlphabet: ['_', '0', '1'],
      blank: '_',
      start: 'q0',
      accept: ['done'],
      transitions: [
        { state: 'q0', read: '0', write: '1', move: 'R', next: 'q0' },
        { state: 'q0', read: '1', write: '0', move: 'R', next: 'q0' },
        { state: 'q0', read: '_', write: '_', move: 'S', next: 'done' },
      ],
    } as const;
    const task = createTuringTask({ machine: flip, length: 5 });
    const ex = task.example(['0', '1', '1', '0', '0']);
    expect(ex.answer).toEqual(['1', '0', '0', '1', '1', '[EOS]']);
    expect(task.format.answerOf([...ex.cot, ...ex.answer])).toEqual(ex.answer);
    const outcome = createTuringTask({ machine: flip, length: 5, answer: 'outcome', format: 'snapshots' });
    expect(outcome.example(['0', '1', '1', '0', '0']).answer).toEqual(['<accept>']);
    expect(() => createTuringTask({ machine: { ...flip, start: 'nowhere' } })).toThrow(/valid machine spec/);
    expect(() => createTuringTask({ machine: 'parity', answer: 'tape' })).toThrow(/valid: output, outcome/);
    const compact = createTuringTask({ machine: '1RB1LB_1LA1RZ', length: 0, answer: 'outcome' });
    expect(compact.example([]).answer).toHaveLength(1);
  });
  it('names the input when a run exceeds maxSteps', () => {
    const task = createTuringTask({ machine: 'copy', length: 8, maxSteps: 3 });
    expect(() => task.draw(createRng(1))).toThrow(/did not halt on input '[01]{8}' within maxSteps = 3/);
  });
});
