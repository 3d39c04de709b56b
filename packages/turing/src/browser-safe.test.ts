import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const here = dirname(fileURLToPath(import.meta.url));

/** Every module the main entry reaches through relative imports, with its bare imports. */
function reach(entry: string): Map<string, string[]> {
  const seen = new Map<string, string[]>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (seen.has(file)) continue;
    const source = readFileSync(file, 'utf8');
    const specifiers = [...source.matchAll(/(?:import|export)[^'"]*?from\s+['"]([^'"]+)['"]/gu)].map((m) => m[1]!);
    seen.set(file, specifiers.filter((s) => !s.startsWith('.')));
    for (const s of specifiers) if (s.startsWith('.')) todo.push(resolve(dirname(file), s.replace(/\.js$/u, '.ts')));
  }
  return seen;
}

describe('the main entry', () => {
  it('is browser-safe: nothing it reaches imports Node built-ins, TensorFlow.js or the ./node subpath', () => {
    const modules = reach(join(here, 'index.ts'));
    expect(modules.size).toBeGreaterThan(15);
    const offenders = [...modules].flatMap(([file, bare]) => bare.map((b) => `${file}: ${b}`));
    expect(offenders).toEqual([]);
    expect([...modules.keys()].some((f) => f.endsWith(join('src', 'node.ts')))).toBe(false);
    for (const file of modules.keys()) expect(readFileSync(file, 'utf8'), file).not.toMatch(/\bprocess\.|\brequire\(/u);
  });
});
