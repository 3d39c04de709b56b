import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write.js';
import { renderSvg } from '../plots/render-svg.js';
import { bitsPerByteSpec, renderTinyStoriesMarkdown, trainingLossSpec } from './render.js';
import type { TinyStoriesReport } from './report.js';

/** Writes `report.json`, `report.md` and the two SVG plots into `dir` (each file atomically); returns their paths. */
export async function writeTinyStoriesReport(report: TinyStoriesReport, dir: string): Promise<string[]> {
  await mkdir(dir, { recursive: true });
  const files: [string, string][] = [
    ['report.json', `${JSON.stringify(report, null, 2)}\n`],
    ['report.md', renderTinyStoriesMarkdown(report)],
    ['bits-per-byte.svg', await renderSvg(bitsPerByteSpec(report))],
    ['training-loss.svg', await renderSvg(trainingLossSpec(report))],
  ];
  for (const [name, text] of files) await writeFileAtomic(join(dir, name), text);
  return files.map(([name]) => join(dir, name));
}
