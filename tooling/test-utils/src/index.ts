export { expectClose, type Tolerance } from './expect-close.js';
export { repoRoot, sharedDir, sharedPath, SHARED_SKIP_REASON } from './shared-data.js';
