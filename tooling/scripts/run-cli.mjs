// `pnpm cotlab <args>` from the repository root: build what the CLI needs (a turbo cache hit
// when nothing changed), then run the built CLI with the caller's arguments and exit code.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const build = spawnSync('pnpm', ['exec', 'turbo', 'run', 'build', '--filter=cotlab', '--output-logs=errors-only'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
});
if (build.status !== 0) {
  process.stderr.write(`${build.stdout}${build.stderr}\ncotlab: building the CLI failed (see above)\n`);
  process.exit(build.status ?? 1);
}
const cli = spawnSync(process.execPath, [join(root, 'apps/cli/dist/bin.js'), ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(cli.status ?? (cli.signal === 'SIGINT' ? 130 : 1));
