import { defineConfig } from 'vitepress';

export default defineConfig({
  title: 'cotlab',
  description: 'Chain-of-thought data, next-token predictors and length complexity, after Malach (2023).',
  // Broken internal links fail the build (VitePress's default; stated so nobody turns it off by accident).
  ignoreDeadLinks: false,
  cleanUrls: true,
  themeConfig: {
    nav: [
      { text: 'Guide', link: '/guide/getting-started' },
      { text: 'Results', link: '/results/' },
    ],
    sidebar: [
      {
        text: 'Guide',
        items: [
          { text: 'Getting started', link: '/guide/getting-started' },
          { text: 'Packages', link: '/guide/packages' },
        ],
      },
      { text: 'Results', items: [{ text: 'Overview', link: '/results/' }] },
    ],
    search: { provider: 'local' },
  },
});
