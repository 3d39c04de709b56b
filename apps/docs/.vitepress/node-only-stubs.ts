import type { Plugin } from 'vite';

const PREFIX = '\0cotlab-node-only:';

/**
 * Leaves cotlab's Node-only modules out of the browser bundle. By the house rule Node-only code
 * lives under a package's `src/node/`; a main entry may still import it *dynamically* on a path
 * browsers never take (for example `@cotlab/models`' `train` loads `./node/checkpoint.js` only
 * with a checkpoint directory and `./node/parallel.js` only with `workers > 1`). Vite would
 * bundle those anyway and fails on their `worker_threads` / `fs` code, so such an import resolves
 * to a module that throws when loaded: `import()` rejects with a message that says why.
 */
export function nodeOnlyStubs(): Plugin {
  return {
    name: 'cotlab-node-only-stubs',
    enforce: 'pre',
    resolveId(source, importer) {
      if (importer === undefined || !/\/packages\/[^/]+\/src\//.test(importer) || /\/src\/node\//.test(importer)) return null;
      if (!/^\.\.?\/(.*\/)?node\/[^/]+\.js$/.test(source)) return null;
      return `${PREFIX}${importer.replace(/^.*\/packages\//, '')} → ${source}`;
    },
    load(id) {
      if (!id.startsWith(PREFIX)) return null;
      const what = JSON.stringify(id.slice(PREFIX.length));
      return `throw new Error('cotlab: ' + ${what} + ' is Node-only (files, worker threads) and is not part of the browser bundle');\n`;
    },
  };
}
