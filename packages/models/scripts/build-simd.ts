// Regenerates src/simd/kernels-wasm.ts from src/simd/kernels.wat.
// Run: pnpm --filter @cotlab/models build:simd
import { writeFileSync } from 'node:fs';
import { assembleKernels } from './simd-assemble.js';

const { plain, shared } = await assembleKernels();
const out = new URL('../src/simd/kernels-wasm.ts', import.meta.url);
writeFileSync(
  out,
  `// Generated from kernels.wat by scripts/build-simd.ts (pnpm --filter @cotlab/models build:simd): do not edit.
/** The kernels for a plain memory, base64. */
export const KERNELS_WASM = '${plain}';
/** The kernels for a shared memory (worker threads), base64. */
export const KERNELS_SHARED_WASM = '${shared}';
`,
);
console.log(`wrote ${out.pathname}: ${plain.length} + ${shared.length} base64 characters`);
