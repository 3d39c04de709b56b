// A/B benchmarks run an earlier commit's sources next to the working tree's.
import { execSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The short hash of `rev` and a folder holding its `src/` (extracted once into bench/.ab/<commit>/,
 * which git ignores).
 *
 * @example const { commit, dir } = commitSources('HEAD~1'); // dir: …/bench/.ab/1a2b3c4/src
 */
export function commitSources(rev: string): { commit: string; dir: string } {
  const root = fileURLToPath(new URL('..', import.meta.url));
  const commit = execSync(`git rev-parse --short ${rev}`, { cwd: root, encoding: 'utf8' }).trim();
  const oldDir = fileURLToPath(new URL(`./.ab/${commit}`, import.meta.url));
  if (!existsSync(`${oldDir}/src`)) {
    mkdirSync(oldDir, { recursive: true });
    execSync(`git archive ${commit} src | tar -x -C ${oldDir}`, { cwd: root, shell: '/bin/sh' });
  }
  return { commit, dir: `${oldDir}/src` };
}
