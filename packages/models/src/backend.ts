import type * as NodeModule from 'node:module';
import type * as NodePath from 'node:path';
import { tf } from './tf.js';
import { BackendError, ModelArgumentError } from './errors.js';
import { fastConcatOnWasm, fastGatherOnWasm, fastSliceOnWasm } from './wasm-copies.js';
import { shareIdentityOnWasm } from './wasm-identity.js';
import { registerAffineCrossEntropyOnWasm } from './wasm-head.js';
import { registerSoftmaxCrossEntropyOnWasm } from './wasm-xent-grad.js';

/** The backends cotlab knows, in the order it tries them. */
export const BACKENDS = ['node', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKENDS)[number];

/** TensorFlow.js' own name for each backend. */
const TF_NAMES: Record<BackendName, string> = { node: 'tensorflow', wasm: 'wasm', cpu: 'cpu' };

export interface InitBackendOptions {
  /**
   * Where the WebAssembly backend finds its `.wasm` files: a URL prefix ending in `/` (browsers),
   * or a directory. In Node it defaults to the installed package's `dist/` directory.
   */
  wasmPaths?: string;
}

let current: { name: BackendName; promise: Promise<BackendName> } | undefined;

/**
 * Picks and initialises the TensorFlow.js backend — the one place that decides: tfjs-node when it
 * loads, else WebAssembly, else plain JavaScript. `preferred` forces one (and fails if it cannot
 * load). Returns the backend in use; calling again returns the same choice unless `preferred`
 * differs.
 *
 * @example const backend = await initBackend(); // 'node' | 'wasm' | 'cpu'
 */
export async function initBackend(preferred?: BackendName, options: InitBackendOptions = {}): Promise<BackendName> {
  if (preferred !== undefined && !BACKENDS.includes(preferred)) {
    throw new ModelArgumentError('backend', `one of ${BACKENDS.join(', ')}`, preferred);
  }
  if (current !== undefined && (preferred === undefined || preferred === current.name)) return current.promise;
  const order: readonly BackendName[] = preferred === undefined ? BACKENDS : [preferred];
  const promise = (async () => {
    let lastError: unknown;
    for (const name of order) {
      try {
        if (await tryBackend(name, options)) return name;
      } catch (error) {
        lastError = error;
      }
    }
    throw new BackendError(preferred ?? 'any', { cause: lastError });
  })();
  const settled = await promise.then(
    (name) => ({ ok: true as const, name }),
    (error: unknown) => ({ ok: false as const, error }),
  );
  if (!settled.ok) throw settled.error;
  current = { name: settled.name, promise: Promise.resolve(settled.name) };
  return settled.name;
}

/** The backend in use, or undefined before {@link initBackend}. */
export function currentBackend(): BackendName | undefined {
  return current?.name;
}

async function tryBackend(name: BackendName, options: InitBackendOptions): Promise<boolean> {
  if (name === 'node') {
    const specifier = '@tensorflow/tfjs-node';
    await import(/* @vite-ignore */ specifier);
  } else if (name === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const paths = options.wasmPaths ?? (await nodeWasmDir());
    if (paths !== undefined) wasm.setWasmPaths(paths);
    shareIdentityOnWasm();
    fastGatherOnWasm();
    fastSliceOnWasm();
    fastConcatOnWasm();
    registerSoftmaxCrossEntropyOnWasm();
    registerAffineCrossEntropyOnWasm();
  }
  const ok = await tf.setBackend(TF_NAMES[name]);
  if (!ok) throw new BackendError(name);
  await tf.ready();
  return true;
}

/** In Node, the directory of the installed wasm backend's `.wasm` files; undefined elsewhere. */
async function nodeWasmDir(): Promise<string | undefined> {
  const isNode = typeof process !== 'undefined' && typeof process.versions === 'object' && typeof process.versions.node === 'string';
  if (!isNode) return undefined;
  const moduleSpecifier = 'node:module';
  const pathSpecifier = 'node:path';
  const { createRequire } = (await import(/* @vite-ignore */ moduleSpecifier)) as typeof NodeModule;
  const path = (await import(/* @vite-ignore */ pathSpecifier)) as typeof NodePath;
  const require = createRequire(import.meta.url);
  return path.dirname(require.resolve('@tensorflow/tfjs-backend-wasm')) + path.sep;
}
