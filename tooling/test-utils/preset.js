// Plain JavaScript: Vitest loads config files through Node, which does not read TypeScript
// from node_modules.
import { defineProject } from 'vitest/config';

/** Slow tests are named `*.slow.test.ts`; they run only under `pnpm test:slow` (COTLAB_SLOW=1). */
export const SLOW_TEST_GLOB = '**/*.slow.test.ts';

const runSlow = process.env.COTLAB_SLOW === '1';

/**
 * The Vitest project every cotlab package uses: tests beside sources (`src/**\/*.test.ts`) and in
 * `test/`, read through the `@cotlab/source` condition so no build is needed first.
 * @param {string} name
 * @param {import('vitest/config').UserWorkspaceConfig['test']} [overrides]
 */
export function cotlabProject(name, overrides = {}) {
  const include = runSlow ? [`src/${SLOW_TEST_GLOB}`, `test/${SLOW_TEST_GLOB}`] : ['src/**/*.test.ts', 'test/**/*.test.ts'];
  return defineProject({
    resolve: { conditions: ['@cotlab/source', 'module', 'node', 'import', 'default'] },
    ssr: { resolve: { conditions: ['@cotlab/source', 'node', 'import', 'default'] } },
    test: {
      name,
      include,
      exclude: runSlow ? ['**/node_modules/**'] : ['**/node_modules/**', SLOW_TEST_GLOB],
      testTimeout: 60_000,
      ...overrides,
    },
  });
}
