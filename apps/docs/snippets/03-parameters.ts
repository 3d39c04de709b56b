// docs: theory/experiments.md — the paper's two models, counted the paper's way (nothing allocated).
import { estimateMemory, parameterCount } from '@cotlab/models';

const multiplication = { kind: 'mlp', vocabSize: 117, contextLength: 307, dim: 128 } as const;
const tinyStories = { kind: 'linear', vocabSize: 50_258, contextLength: 64, dim: 256 } as const;
console.log('multiplication MLP:', (parameterCount(multiplication) / 1e6).toFixed(1), 'M parameters');
console.log('TinyStories linear:', (parameterCount(tinyStories) / 1e6).toFixed(1), 'M parameters');
const memory = estimateMemory(multiplication, 2048);
console.log('training the MLP at batch 2048 needs about', (memory.total / 2 ** 30).toFixed(1), 'GiB');
