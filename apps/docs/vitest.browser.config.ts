import { cotlabProject } from '@cotlab/test-utils/preset';

// The browser end-to-end test: `pnpm --filter docs test:browser` (builds the site first) or
// `test:e2e` (against an existing build). Not part of the default suite. The preset makes it read
// cotlab packages from their sources (no build of the packages needed).
export default cotlabProject('docs-browser', {
  include: ['test/**/*.e2e.ts'],
  testTimeout: 180_000,
  hookTimeout: 120_000,
});
