// The one ESLint flat config of the repository (re-exported by /eslint.config.js).
import js from '@eslint/js';
import { fileURLToPath } from 'node:url';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Packages that must stay free of TensorFlow.js: they run anywhere, with no native code. */
const TF_FREE_PACKAGES = ['packages/tokenizer', 'packages/turing', 'packages/corpus'];

const noDeepImports = {
  patterns: [
    {
      group: ['@cotlab/*/src', '@cotlab/*/src/*', '@cotlab/*/dist', '@cotlab/*/dist/*'],
      message: 'Import another cotlab package by its name or a subpath it exports, never its src/ or dist/.',
    },
    {
      group: ['**/packages/*/src/**', '**/apps/*/src/**', '../../*/src/**', '../../../packages/**'],
      message: 'Relative imports must stay inside the package: depend on the other package instead.',
    },
  ],
};

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/.turbo/**', '**/.vitepress/cache/**', '**/.vitepress/dist/**', '**/coverage/**', 'runs/**', '**/bench/.ab/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', '*.ts', 'tooling/scripts/*.mjs'] }, tsconfigRootDir: fileURLToPath(new URL('../..', import.meta.url)) },
    },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true, allowBoolean: true }],
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-confusing-void-expression': 'off',
      '@typescript-eslint/prefer-for-of': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-imports': ['error', noDeepImports],
    },
  },
  {
    files: TF_FREE_PACKAGES.map((dir) => `${dir}/**/*.ts`),
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...noDeepImports,
          patterns: [
            ...noDeepImports.patterns,
            { group: ['@tensorflow/*'], message: 'tokenizer, turing and corpus never import TensorFlow.js (see ARCHITECTURE.md).' },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/vitest.config.ts', '**/.vitepress/**'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
);
