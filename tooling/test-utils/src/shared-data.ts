import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file lives in tooling/test-utils/src). */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * `../shared` beside the checkout holds golden vectors from the paper's code and data samples.
 * CI has it; a plain clone may not. Tests use `describe.skipIf(!sharedDir)` and say why.
 */
export const sharedDir: string | undefined = [process.env['COTLAB_SHARED'], join(repoRoot, '..', 'shared')].find(
  (dir): dir is string => dir !== undefined && existsSync(join(dir, 'golden')),
);

export const SHARED_SKIP_REASON = 'skipped: ../shared (golden vectors and data samples) is not present beside the checkout';

/** Absolute path of a file under ../shared, or undefined when ../shared is absent. */
export function sharedPath(...parts: string[]): string | undefined {
  return sharedDir === undefined ? undefined : join(sharedDir, ...parts);
}
