// docs: theory/index.md — the paper's multiplication vocabulary, symbols to ids and back.
import { malachProductTokenizer } from '@cotlab/tokenizer';

const tokenizer = malachProductTokenizer();
console.log('vocabulary size:', tokenizer.size);
// '4x8' is one token: "digit 4 times digit 8", a step of the paper's multiplication CoT.
const ids = tokenizer.encode('[BOS] 1 2 = 4x8');
console.log('ids:', ids.join(' '));
console.log('back:', tokenizer.decode(ids));
