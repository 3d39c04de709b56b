import { existsSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type DefaultTheme } from 'vitepress';
import { SITE_PACKAGES } from '../src/site-map.js';
import { nodeOnlyStubs } from './node-only-stubs.js';

const docsDir = fileURLToPath(new URL('..', import.meta.url));

/** The packages with a guide page and an API section. */
const PACKAGES = SITE_PACKAGES.map((p) => [p.slug, p.title] as const);

/** Results pages that the generator wrote (one per experiment directory or known experiment). */
function resultItems(): DefaultTheme.SidebarItem[] {
  const dir = `${docsDir}results`;
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f !== 'index.md')
    .sort()
    .map((f) => ({ text: f.replace(/\.md$/, ''), link: `/results/${f.replace(/\.md$/, '')}` }));
}

function apiItems(): DefaultTheme.SidebarItem[] {
  return PACKAGES.filter(([slug]) => existsSync(`${docsDir}api/${slug}/index.md`)).map(([slug, name]) => ({ text: name, link: `/api/${slug}/` }));
}

export default defineConfig({
  title: 'cotlab',
  description: 'Chain-of-thought data, next-token predictors and length complexity, after Malach (2023).',
  // Broken internal links fail the build (VitePress's default; stated so nobody turns it off by accident).
  ignoreDeadLinks: false,
  cleanUrls: true,
  head: [['link', { rel: 'icon', type: 'image/svg+xml', href: '/favicon.svg' }]],
  // The package README of this app, and the Markdown renderings that reports commit beside their
  // JSON, are not pages: the results pages are generated from the JSON (scripts/generate.ts).
  srcExclude: ['README.md', 'results/*/**', '.generated/**', 'test-results/**', 'snippets/**'],
  themeConfig: {
    nav: [
      { text: 'Theory', link: '/theory/' },
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Demos', link: '/demos/turing' },
      { text: 'CLI', link: '/reference/cli' },
      { text: 'API', link: '/api/' },
      { text: 'Results', link: '/results/' },
    ],
    sidebar: [
      {
        text: 'Theory',
        items: [
          { text: 'The paper in plain words', link: '/theory/' },
          { text: 'Length complexity', link: '/theory/length-complexity' },
          { text: 'Experiments', link: '/theory/experiments' },
        ],
      },
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Packages', link: '/guide/packages' },
          ...PACKAGES.map(([slug, name]) => ({ text: name, link: `/guide/${slug}` })),
          { text: 'Extending cotlab', link: '/guide/extending' },
          { text: 'Contributing', link: '/guide/contributing' },
        ],
      },
      {
        text: 'Demos',
        items: [
          { text: 'Turing-machine playground', link: '/demos/turing' },
          { text: 'Train a linear predictor', link: '/demos/training' },
        ],
      },
      { text: 'Reference', items: [{ text: 'CLI', link: '/reference/cli' }, { text: 'API', link: '/api/', items: apiItems() }] },
      { text: 'Results', items: [{ text: 'Overview', link: '/results/' }, ...resultItems()] },
    ],
    search: { provider: 'local' },
  },
  vite: {
    plugins: [nodeOnlyStubs()],
    // The demos bundle cotlab's packages from their TypeScript sources (no build needed first).
    resolve: { conditions: ['@cotlab/source'] },
    ssr: { noExternal: [/^@cotlab\//], resolve: { conditions: ['@cotlab/source'] } },
    build: { chunkSizeWarningLimit: 4096 },
  },
});
