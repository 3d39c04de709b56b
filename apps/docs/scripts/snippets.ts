// Runs every snippet in snippets/*.ts (the theory pages' runnable examples) and writes its code
// and real output as Markdown for the pages to include. A snippet that fails fails the build:
// the docs show only code that runs.
import { execFile } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { writeFileAtomic } from '../src/fs-atomic.js';
import { renderSnippet } from '../src/snippet.js';

const run = promisify(execFile);

export interface SnippetOptions {
  docsDir: string;
  repoRoot: string;
  outDir: string;
  log: (message: string) => void;
}

export async function runSnippets({ docsDir, outDir, log }: SnippetOptions): Promise<void> {
  const dir = join(docsDir, 'snippets');
  const files = (await readdir(dir)).filter((f) => f.endsWith('.ts')).sort();
  for (const file of files) {
    const code = await readFile(join(dir, file), 'utf8');
    let stdout: string;
    try {
      ({ stdout } = await run(process.execPath, ['--import', 'tsx', '--conditions=@cotlab/source', join(dir, file)], { cwd: docsDir, maxBuffer: 1 << 24, timeout: 120_000 }));
    } catch (error) {
      const detail = error instanceof Error && 'stderr' in error ? String((error as { stderr: unknown }).stderr) : String(error);
      throw new Error(`docs: snippet snippets/${file} failed:\n${detail}`, { cause: error });
    }
    await writeFileAtomic(join(outDir, file.replace(/\.ts$/, '.md')), renderSnippet(code, stdout));
    log(`snippet ${file}: ${stdout.split('\n').length - 1} lines of output`);
  }
}
