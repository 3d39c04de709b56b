import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module reachable from `entry` through relative imports, with its bare imports. */
function graph(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    const source = readFileSync(file, 'utf8');
    const specs = [...source.matchAll(/(?:import|export)\s[^'"]*?from\s+'([^']+)'/gu)].map((m) => m[1]!);
    seen.set(file, specs.filter((s) => !s.startsWith('.')));
    for (const s of specs.filter((x) => x.startsWith('.'))) visit(resolve(dirname(file), s.replace(/\.js$/u, '.ts')));
  };
  visit(entry);
  return seen;
}

describe('the main entry is browser-safe', () => {
  it('reaches no Node built-in and no TensorFlow.js, only the tokenizer and turing main entries', () => {
    const modules = graph(join(here, 'index.ts'));
    expect(modules.size).toBeGreaterThan(10);
    const bad: string[] = [];
    for (const [file, bare] of modules) {
      for (const spec of bare) {
        if (!['@cotlab/tokenizer', '@cotlab/turing'].includes(spec)) bad.push(`${file.slice(here.length + 1)} imports ${spec}`);
      }
      if (file.includes(join(here, 'node'))) bad.push(`${file} is Node-only`);
    }
    expect(bad).toEqual([]);
  });
  it('the ./node entry is where files are handled', () => {
    const bare = [...graph(join(here, 'node.ts')).values()].flat();
    expect(bare).toContain('node:fs');
  });
});
