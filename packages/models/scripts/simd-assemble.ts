// Assembles src/simd/kernels.wat into WebAssembly binaries with wabt (a dev dependency only:
// the package ships the bytes, in src/simd/kernels-wasm.ts).
import { readFileSync } from 'node:fs';
import wabtFactory from 'wabt';

const SOURCE = new URL('../src/simd/kernels.wat', import.meta.url);

/** `;; include FILE.wat` lines of kernels.wat are replaced by that file (functions that belong together live in their own file). */
function withIncludes(text: string): string {
  return text.replace(/^\s*;; include (\S+\.wat)$/gm, (_, file: string) => readFileSync(new URL(file, SOURCE), 'utf8'));
}

/** The memory each binary imports: a plain (growable) one, or a shared one for worker threads. */
const DECLARATIONS = { plain: '', shared: '65536 shared' } as const;

/** Both binaries of the kernels, base64, from the current kernels.wat. */
export async function assembleKernels(): Promise<{ plain: string; shared: string }> {
  const wabt = await wabtFactory();
  const text = withIncludes(readFileSync(SOURCE, 'utf8'));
  const build = (kind: keyof typeof DECLARATIONS): string => {
    const features = { simd: true, threads: true, bulk_memory: true };
    const module = wabt.parseWat('kernels.wat', text.replace('MEMORY_DECLARATION', DECLARATIONS[kind]), features);
    try {
      // wabt's types omit it, but validate() takes the features too (it rejects a shared memory without them)
      (module.validate as (f: typeof features) => void).call(module, features);
      return Buffer.from(module.toBinary({}).buffer).toString('base64');
    } finally {
      module.destroy();
    }
  };
  return { plain: build('plain'), shared: build('shared') };
}
