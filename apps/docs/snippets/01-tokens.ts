// docs: theory/index.md — one example of the paper's multiplication CoT, as symbols and as ids.
import { createRng, createTask } from '@cotlab/corpus';
import { malachProductTokenizer } from '@cotlab/tokenizer';

const task = createTask('multiplication', { digits: '4x4', format: 'malach' });
const example = task.draw(createRng(7));
console.log('input:', example.meta['a'], '×', example.meta['b'], '→ split:', task.split(example));
console.log('prompt:', example.prompt.join(' '));
console.log('cot:', example.cot.slice(0, 24).join(' '), `… (${example.cot.length} tokens)`);
console.log('answer:', example.answer.join(' '));

// The paper's 117-token vocabulary: '4x8' is one token, "digit 4 times digit 8".
const ids = malachProductTokenizer().encodeSymbols([...example.prompt, ...example.cot, ...example.answer]);
console.log(`ids (${ids.length} in all):`, Array.from(ids.slice(0, 16)).join(' '), '…');
