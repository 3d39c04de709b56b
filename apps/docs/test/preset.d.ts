// Types for the shared Vitest preset, which is plain JavaScript (Vitest loads configs through Node).
declare module '@cotlab/test-utils/preset' {
  import type { UserWorkspaceConfig } from 'vitest/config';
  export const SLOW_TEST_GLOB: string;
  export function cotlabProject(name: string, overrides?: UserWorkspaceConfig['test']): UserWorkspaceConfig;
}
