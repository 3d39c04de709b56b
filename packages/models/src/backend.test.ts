import { describe, expect, it } from 'vitest';
import { currentBackend, initBackend } from './backend.js';
import { BackendError, ModelArgumentError } from './errors.js';
import { tf } from './tf.js';

async function tfjsNodeLoads(): Promise<boolean> {
  const specifier = '@tensorflow/tfjs-node';
  return import(/* @vite-ignore */ specifier).then(
    () => true,
    () => false,
  );
}

describe('initBackend: the one place that picks the backend', () => {
  it('falls back from tfjs-node to WebAssembly when tfjs-node does not load, and reports it', async () => {
    const nodeLoads = await tfjsNodeLoads();
    const name = await initBackend();
    expect(name).toBe(nodeLoads ? 'node' : 'wasm');
    expect(currentBackend()).toBe(name);
    expect(tf.getBackend()).toBe(nodeLoads ? 'tensorflow' : 'wasm');
  });

  it('forcing tfjs-node where it cannot load fails naming it; plain JS can be forced', async () => {
    if (!(await tfjsNodeLoads())) await expect(initBackend('node')).rejects.toThrow(BackendError);
    expect(await initBackend('cpu')).toBe('cpu');
    expect(tf.getBackend()).toBe('cpu');
    await expect(initBackend('gpu' as 'cpu')).rejects.toThrow(ModelArgumentError);
  });
});
