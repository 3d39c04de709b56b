// Proves every publishable package installs and works on its own: `pnpm pack` each one,
// run publint on the tarball's contents, install all tarballs into a scratch project with npm,
// and import each package there (and run the CLI's --version).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'cotlab-pack-'));
// pnpm exports its own npm_config_* settings, which npm warns about: give npm a clean environment.
const cleanEnv = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_config_')));
const run = (cmd, args, cwd) => execFileSync(cmd, args, { cwd, env: cleanEnv, stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });

const packages = [];
for (const group of ['packages', 'apps']) {
  for (const dir of readdirSync(join(root, group))) {
    const pkg = JSON.parse(readFileSync(join(root, group, dir, 'package.json'), 'utf8'));
    if (!pkg.private) packages.push({ dir: join(root, group, dir), name: pkg.name });
  }
}

try {
  const tarballs = [];
  for (const { dir, name } of packages) {
    run('pnpm', ['exec', 'publint', '--strict', '--pack', 'pnpm'], dir);
    const out = run('pnpm', ['pack', '--pack-destination', scratch], dir).trim().split('\n');
    tarballs.push(out[out.length - 1]);
    console.log(`packed ${name}; publint passed`);
  }
  writeFileSync(join(scratch, 'package.json'), JSON.stringify({ name: 'scratch', private: true, type: 'module' }));
  // --ignore-scripts: install as a machine that cannot fetch libtensorflow would (tfjs-node stays unbuilt).
  run('npm', ['install', '--no-audit', '--no-fund', '--ignore-scripts', ...tarballs], scratch);
  for (const { name } of packages) {
    if (name === 'cotlab') continue;
    const version = run('node', ['--input-type=module', '-e', `import { version } from '${name}'; console.log(version);`], scratch).trim();
    console.log(`import '${name}' → version ${version}`);
  }
  const cli = run('npx', ['--no-install', 'cotlab', '--version'], scratch);
  console.log(`npx cotlab --version →\n${cli}`);
  console.log(`pack check passed for ${packages.length} packages`);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
