import { tf } from './tf.js';

interface RefCountingBackend {
  incRef(dataId: object): void;
}

/**
 * Replaces the WebAssembly backend's `Identity` kernel, which copies its input, with one that
 * shares the input's memory (as the CPU backend's does; tfjs kernels never write in place).
 * The gradient tape clones every tensor it saves for the backward pass through `Identity`, so
 * with the copying kernel each saved activation existed twice: a 9M-parameter transformer at
 * batch 64 × 64 tokens needed > 4 GiB and aborted WebAssembly, and every op paid for a memcpy.
 */
export function shareIdentityOnWasm(): void {
  const kernelName = 'Identity';
  const backendName = 'wasm';
  if (tf.getKernel(kernelName, backendName) === undefined) return;
  tf.unregisterKernel(kernelName, backendName);
  tf.registerKernel({
    kernelName,
    backendName,
    kernelFunc: ({ inputs, backend }) => {
      const x = inputs['x']!;
      (backend as unknown as RefCountingBackend).incRef(x.dataId);
      return { dataId: x.dataId, shape: x.shape, dtype: x.dtype };
    },
  });
}
