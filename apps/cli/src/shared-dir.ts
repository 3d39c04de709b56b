import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The `shared` folder of data samples and golden vectors kept beside a cotlab checkout: given
 * explicitly, else `$COTLAB_SHARED`, else the first `shared/` with a `data/` folder found beside
 * the current directory or one of its ancestors. Undefined when there is none.
 */
export function findSharedDir(explicit?: string, from = process.cwd()): string | undefined {
  const given = explicit ?? process.env['COTLAB_SHARED'];
  if (given !== undefined) return existsSync(join(given, 'data')) ? resolve(given) : undefined;
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    for (const candidate of [join(dir, 'shared'), join(dir, '..', 'shared')]) {
      if (existsSync(join(candidate, 'data'))) return resolve(candidate);
    }
    if (dirname(dir) === dir) return undefined;
  }
}
