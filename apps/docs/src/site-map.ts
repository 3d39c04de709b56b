/** A cotlab package as the docs site presents it. */
export interface SitePackage {
  /** Directory relative to the repository root. */
  dir: string;
  /** npm name. */
  npmName: string;
  /** Slug of its guide page (`/guide/<slug>`) and API pages (`/api/<slug>/`). */
  slug: string;
  /** Public entry points relative to `dir` (the main entry first), for the API reference. */
  entryPoints: string[];
  /** How the sidebar names it. */
  title: string;
}

/** Every package the site documents, in the order of the house plan. */
export const SITE_PACKAGES: readonly SitePackage[] = [
  { dir: 'packages/tokenizer', npmName: '@cotlab/tokenizer', slug: 'tokenizer', title: '@cotlab/tokenizer', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/turing', npmName: '@cotlab/turing', slug: 'turing', title: '@cotlab/turing', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/corpus', npmName: '@cotlab/corpus', slug: 'corpus', title: '@cotlab/corpus', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/datasets', npmName: '@cotlab/datasets', slug: 'datasets', title: '@cotlab/datasets', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/compiler', npmName: '@cotlab/compiler', slug: 'compiler', title: '@cotlab/compiler', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/models', npmName: '@cotlab/models', slug: 'models', title: '@cotlab/models', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/ngram', npmName: '@cotlab/ngram', slug: 'ngram', title: '@cotlab/ngram', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'packages/evaluator', npmName: '@cotlab/evaluator', slug: 'evaluator', title: '@cotlab/evaluator', entryPoints: ['src/index.ts', 'src/node.ts'] },
  { dir: 'apps/cli', npmName: 'cotlab', slug: 'cli', title: 'cotlab (CLI)', entryPoints: ['src/index.ts'] },
];

/**
 * The site page of a repository file, or undefined when it has none: package READMEs map to
 * their guide, the root README to the home page, Markdown pages of the docs app to themselves.
 *
 * @example
 * ```ts
 * pageOfRepoPath('packages/turing/README.md'); // '/guide/turing'
 * pageOfRepoPath('apps/docs/theory/index.md'); // '/theory/'
 * ```
 */
export function pageOfRepoPath(repoPath: string): string | undefined {
  const path = repoPath.replace(/^\.\//, '').replace(/\/$/, '');
  for (const pkg of SITE_PACKAGES) {
    if (path === pkg.dir || path === `${pkg.dir}/README.md`) return `/guide/${pkg.slug}`;
  }
  if (path === 'README.md' || path === '' || path === '.') return '/';
  if (path === 'CONTRIBUTING.md') return '/guide/contributing';
  if (path === 'apps/docs' || path === 'apps/docs/index.md') return '/';
  const docs = /^apps\/docs\/(.+)\.md$/.exec(path);
  if (docs?.[1] !== undefined && !docs[1].startsWith('results/') && docs[1] !== 'README') {
    return docs[1] === 'index' ? '/' : `/${docs[1].replace(/(^|\/)index$/, '$1')}`;
  }
  const results = /^apps\/docs\/results\/([^/]+)(\/.*)?$/.exec(path);
  if (results?.[1] !== undefined) return `/results/${results[1]}`;
  return undefined;
}
