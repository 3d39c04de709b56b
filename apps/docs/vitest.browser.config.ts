import { defineConfig } from 'vitest/config';

// The browser end-to-end test: `pnpm --filter docs test:browser` (builds the site first). Not part
// of the default suite.
export default defineConfig({
  test: {
    name: 'docs-browser',
    include: ['test/**/*.e2e.ts'],
    testTimeout: 180_000,
    hookTimeout: 120_000,
    fileParallelism: false,
  },
});
