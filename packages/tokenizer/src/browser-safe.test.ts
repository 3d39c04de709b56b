import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));
const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

/** Every module reachable from `entry` by static or dynamic imports, with what each imports from outside. */
function reachable(entry: string): { files: string[]; external: string[] } {
  const files = new Set<string>();
  const external = new Set<string>();
  const visit = (file: string): void => {
    if (files.has(file)) return;
    files.add(file);
    const source = readFileSync(join(here, file), 'utf8');
    for (const m of source.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      if (spec.startsWith('.')) visit(join(dirname(file), spec).replace(/\.js$/, '.ts'));
      else external.add(spec);
    }
  };
  visit(entry);
  return { files: [...files], external: [...external] };
}

describe('the main entry stays browser-safe', () => {
  const { files, external } = reachable('index.ts');

  it('imports no Node built-in, directly or through its modules', () => {
    expect(files.length).toBeGreaterThan(10);
    const builtins = new Set(builtinModules);
    expect(external.filter((s) => s.startsWith('node:') || builtins.has(s))).toEqual([]);
    expect(files).not.toContain('node.ts');
  });

  it('uses no Node globals (process, Buffer, __dirname)', () => {
    for (const file of files) {
      const code = readFileSync(join(here, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
      expect({ file, match: /\b(process\.|Buffer\.|__dirname|require\()/.exec(code)?.[0] }).toEqual({ file, match: undefined });
    }
  });

  it('imports only the GPT-2 rank table from outside, lazily', () => {
    expect(external).toEqual(['gpt-tokenizer/bpeRanks/r50k_base']);
  });
});
