import { describe, expect, it } from 'vitest';
import { prepareReadme } from './readme.js';
import { pageOfRepoPath } from './site-map.js';

const prepare = (markdown: string, readmePath = 'packages/corpus/README.md'): string => prepareReadme(markdown, { readmePath, pageOf: pageOfRepoPath });

describe('prepareReadme', () => {
  it('points links to files that have a page at that page', () => {
    expect(prepare('See [turing](../turing/README.md) and [the site](../../apps/docs/index.md).')).toBe('See [turing](/guide/turing) and [the site](/).\n');
    expect(prepare('[theory](../../apps/docs/theory/index.md#parity)')).toBe('[theory](/theory/#parity)\n');
    expect(prepare('[results](../../apps/docs/results/multiplication/report.md)')).toBe('[results](/results/multiplication)\n');
  });

  it('names repository files that have no page instead of linking to them', () => {
    expect(prepare('[the source](src/index.ts)')).toBe('the source (`packages/corpus/src/index.ts`)\n');
    expect(prepare('![plot](bench/plot.svg)')).toBe('_(image: `packages/corpus/bench/plot.svg`)_\n');
  });

  it('keeps absolute links and anchors', () => {
    expect(prepare('[paper](https://arxiv.org/abs/2309.06979) [up](#api)')).toBe('[paper](https://arxiv.org/abs/2309.06979) [up](#api)\n');
  });

  it('escapes prose Vue would compile, but leaves code alone', () => {
    expect(prepare('returns Array<number> or {{ x }}; `Map<K, V>` stays')).toBe('returns Array&lt;number> or &#123;&#123; x }}; `Map<K, V>` stays\n');
    expect(prepare('| task | multiplication {"digits":[2,2]} |')).toBe('| task | multiplication &#123;"digits":[2,2]} |\n');
    expect(prepare('```ts\nconst a: Array<number> = [];\n[x](y.md)\n```')).toBe('```ts\nconst a: Array<number> = [];\n[x](y.md)\n```\n');
    expect(prepare('<details><summary>more</summary>')).toBe('<details><summary>more</summary>\n');
  });
});

describe('pageOfRepoPath', () => {
  it('maps package READMEs, the root README and docs pages', () => {
    expect(pageOfRepoPath('packages/models/README.md')).toBe('/guide/models');
    expect(pageOfRepoPath('packages/models')).toBe('/guide/models');
    expect(pageOfRepoPath('apps/cli/README.md')).toBe('/guide/cli');
    expect(pageOfRepoPath('README.md')).toBe('/');
    expect(pageOfRepoPath('CONTRIBUTING.md')).toBe('/guide/contributing');
    expect(pageOfRepoPath('apps/docs/guide/extending.md')).toBe('/guide/extending');
    expect(pageOfRepoPath('packages/models/src/index.ts')).toBeUndefined();
  });
});
