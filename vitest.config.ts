import { defineConfig } from 'vitest/config';

// One root command runs every package's tests; each package's vitest.config.ts is a project.
export default defineConfig({
  test: {
    projects: ['packages/*', 'apps/cli', 'apps/docs', 'tooling/test-utils'],
    passWithNoTests: false,
  },
});
