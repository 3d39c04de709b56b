// After `changeset version` bumps package.json versions, write each package's src/version.ts
// to match (the `version` export must work in browsers too, so it cannot read package.json).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
for (const group of ['packages', 'apps']) {
  for (const name of readdirSync(join(root, group))) {
    const file = join(root, group, name, 'src', 'version.ts');
    if (!existsSync(file)) continue;
    const { version } = JSON.parse(readFileSync(join(root, group, name, 'package.json'), 'utf8'));
    const text = readFileSync(file, 'utf8').replace(/version = '[^']*'/, `version = '${version}'`);
    writeFileSync(file, text);
    console.log(`${group}/${name}: ${version}`);
  }
}
