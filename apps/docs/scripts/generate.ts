// Generates the site's derived pages before `vitepress build`: the CLI reference (from the CLI's
// own command definitions), the package guides' README sections, the results pages (from the
// committed report JSON), the API reference (TypeDoc + typedoc-plugin-markdown) and the
// theory pages' snippet outputs. Run with the @cotlab/source condition so it reads sources:
//   tsx --conditions=@cotlab/source scripts/generate.ts [--skip-api] [--skip-snippets]
import { existsSync } from 'node:fs';
import { cp, mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderCliReference } from '../src/cli-reference.js';
import { writeFileAtomic } from '../src/fs-atomic.js';
import { prepareReadme } from '../src/readme.js';
import { KNOWN_EXPERIMENTS, renderExperimentPage, renderHeadlines, renderResultsIndex, type ExperimentFiles } from '../src/results.js';
import { runReportRenderer } from '../src/run-report.js';
import { pageOfRepoPath, SITE_PACKAGES } from '../src/site-map.js';
import { generateApiReference } from './api-reference.js';
import { runSnippets } from './snippets.js';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const repoRoot = join(docsDir, '..', '..');
const generatedDir = join(docsDir, '.generated');
const args = new Set(process.argv.slice(2));

function log(message: string): void {
  process.stdout.write(`docs: ${message}\n`);
}

async function cliReference(): Promise<void> {
  const { commands } = await import('cotlab');
  await writeFileAtomic(join(docsDir, 'reference', 'cli.md'), renderCliReference(commands));
  log(`CLI reference: ${commands.length} top-level commands`);
}

async function readmes(): Promise<void> {
  const pages: [string, string][] = [
    ...SITE_PACKAGES.map((p): [string, string] => [`${p.dir}/README.md`, p.slug]),
    ['CONTRIBUTING.md', 'contributing'],
  ];
  for (const [readmePath, slug] of pages) {
    const source = join(repoRoot, readmePath);
    const text = existsSync(source) ? await readFile(source, 'utf8') : `_\`${readmePath}\` does not exist yet._\n`;
    const prepared = prepareReadme(text, { readmePath, pageOf: pageOfRepoPath });
    await writeFileAtomic(join(generatedDir, 'readmes', `${slug}.md`), prepared);
  }
  log(`READMEs: ${pages.length} included`);
}

async function experimentFiles(name: string): Promise<ExperimentFiles> {
  const dir = join(docsDir, 'results', name);
  const files: ExperimentFiles = { name, reports: [], images: [], markdown: [] };
  if (!existsSync(dir)) return files;
  const entries = (await readdir(dir, { recursive: true, withFileTypes: true })).filter((e) => e.isFile());
  for (const entry of entries.sort((a, b) => join(a.parentPath, a.name).localeCompare(join(b.parentPath, b.name)))) {
    const rel = relative(dir, join(entry.parentPath, entry.name)).split('\\').join('/');
    if (rel.endsWith('.json')) {
      const text = await readFile(join(dir, rel), 'utf8');
      try {
        files.reports.push({ file: rel, json: JSON.parse(text) as unknown });
      } catch (error) {
        throw new Error(`docs: apps/docs/results/${name}/${rel} is not valid JSON`, { cause: error });
      }
    } else if (/\.(svg|png)$/i.test(rel)) files.images.push(rel);
    else if (rel.endsWith('.md')) files.markdown.push(rel);
  }
  return files;
}

const renderRunReport = runReportRenderer((repoPath) => existsSync(join(repoRoot, repoPath)));

async function results(): Promise<void> {
  const resultsDir = join(docsDir, 'results');
  await mkdir(resultsDir, { recursive: true });
  const onDisk = (await readdir(resultsDir, { withFileTypes: true })).filter((e) => e.isDirectory()).map((e) => e.name);
  const names = [...new Set([...KNOWN_EXPERIMENTS.map((k) => k.name), ...onDisk])];
  const found: ExperimentFiles[] = [];
  for (const name of names) {
    const files = await experimentFiles(name);
    found.push(files);
    await writeFileAtomic(join(resultsDir, `${name}.md`), renderExperimentPage(files, KNOWN_EXPERIMENTS.find((k) => k.name === name), renderRunReport));
    // For the theory pages, which link from theory/ to results/.
    await writeFileAtomic(join(generatedDir, 'measured', `${name}.md`), renderHeadlines(files, `../results/${name}`));
  }
  await writeFileAtomic(join(resultsDir, 'index.md'), renderResultsIndex(found, KNOWN_EXPERIMENTS));
  log(`results: ${found.filter((f) => f.reports.length > 0).length} of ${found.length} experiments have reports`);
}

/** Copies TensorFlow.js's WebAssembly binaries where the demos load them (`/tfjs/`). */
async function tfjsWasm(): Promise<void> {
  const { createRequire } = await import('node:module');
  const require = createRequire(import.meta.url);
  const wasmDist = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const out = join(docsDir, 'public', 'tfjs');
  await mkdir(out, { recursive: true });
  for (const file of ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm']) {
    await cp(join(wasmDist, file), join(out, file));
  }
  log('TensorFlow.js WebAssembly binaries copied to public/tfjs/');
}

await rm(generatedDir, { recursive: true, force: true });
await cliReference();
await readmes();
await results();
await tfjsWasm();
if (!args.has('--skip-snippets')) await runSnippets({ docsDir, repoRoot, outDir: join(generatedDir, 'snippets'), log });
if (!args.has('--skip-api')) await generateApiReference({ docsDir, repoRoot, log });
