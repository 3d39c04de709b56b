// docs: theory/index.md — a Turing machine's run written out as a chain of thought.
import { getEncoding, getMachine, run } from '@cotlab/turing';

const parity = getMachine('parity').spec;
const result = run(parity, '1101');
console.log(`accepted: ${result.accepted} after ${result.steps} steps`);
for (const name of ['transitions', 'snapshots', 'incremental'] as const) {
  const encoding = getEncoding(name);
  const cot = [...encoding.encode(parity, '1101')];
  console.log(`${name} (${encoding.lengthFormula}, ${cot.length} tokens): ${cot.join(' ')}`);
}
