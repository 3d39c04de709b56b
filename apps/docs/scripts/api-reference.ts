// The API reference: TypeDoc with typedoc-plugin-markdown (and its VitePress theme) run once per
// package on the package's public entry points, written to api/<slug>/.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Application, LogLevel } from 'typedoc';
import { writeFileAtomic } from '../src/fs-atomic.js';
import { SITE_PACKAGES } from '../src/site-map.js';

export interface ApiReferenceOptions {
  docsDir: string;
  repoRoot: string;
  log: (message: string) => void;
}

export async function generateApiReference({ docsDir, repoRoot, log }: ApiReferenceOptions): Promise<void> {
  const apiDir = join(docsDir, 'api');
  await rm(apiDir, { recursive: true, force: true });
  const index = ['# API reference', '', 'Generated at build time by TypeDoc from the TSDoc of each package\'s public entry points.', '', '| package | entry points |', '| --- | --- |'];
  for (const pkg of SITE_PACKAGES) {
    const pkgDir = join(repoRoot, pkg.dir);
    const entryPoints = pkg.entryPoints.map((e) => join(pkgDir, e)).filter((e) => existsSync(e));
    if (entryPoints.length === 0) continue;
    // A tsconfig per package whose program holds just its sources; other cotlab packages are
    // reached through their @cotlab/source export condition.
    const tsconfig = join(docsDir, '.generated', 'typedoc', `${pkg.slug}.tsconfig.json`);
    await writeFileAtomic(
      tsconfig,
      JSON.stringify({
        extends: join(repoRoot, 'tooling/tsconfig/dev.json'),
        compilerOptions: { lib: ['ES2023', 'DOM'] },
        include: [join(pkgDir, 'src')],
        exclude: [join(pkgDir, 'src/**/*.test.ts'), join(pkgDir, 'src/**/__fixtures__')],
      }),
    );
    const app = await Application.bootstrapWithPlugins({
      entryPoints,
      entryPointStrategy: 'resolve',
      tsconfig,
      plugin: ['typedoc-plugin-markdown', 'typedoc-vitepress-theme'],
      out: join(apiDir, pkg.slug),
      docsRoot: docsDir,
      name: pkg.npmName,
      readme: 'none',
      // Other engineers' packages change under the docs: a type error there must not stop the site.
      skipErrorChecking: true,
      excludePrivate: true,
      excludeInternal: true,
      hideGenerator: true,
      logLevel: LogLevel.Error,
    } as Parameters<typeof Application.bootstrapWithPlugins>[0]);
    const project = await app.convert();
    if (project === undefined) throw new Error(`docs: TypeDoc could not convert ${pkg.npmName}`);
    await app.generateOutputs(project);
    const names = entryPoints.map((e) => `\`${pkg.npmName}${e.endsWith('node.ts') ? '/node' : ''}\``).join(', ');
    index.push(`| [${pkg.npmName}](./${pkg.slug}/) | ${names} |`);
    log(`API reference: ${pkg.npmName}`);
  }
  await writeFileAtomic(join(apiDir, 'index.md'), `${index.join('\n')}\n`);
}
