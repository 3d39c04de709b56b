import { join } from 'node:path';
import { writeFileAtomic } from '../node/atomic-write.js';
import { renderSvg } from '../plots/render-svg.js';
import { accuracyVsCotSpec, renderTheoryMarkdown } from './render.js';
import type { TheoryReport } from './report.js';

/** File names of a written theory report. */
export const THEORY_FILES = { json: 'report.json', markdown: 'report.md', svg: 'accuracy-vs-cot.svg' } as const;

/**
 * Writes a theory report as JSON, Markdown and an SVG plot into `dir`, each atomically.
 *
 * @example const files = await writeTheoryReport(report, 'apps/docs/results/parity');
 */
export async function writeTheoryReport(report: TheoryReport, dir: string): Promise<string[]> {
  const files = [join(dir, THEORY_FILES.json), join(dir, THEORY_FILES.markdown), join(dir, THEORY_FILES.svg)];
  await writeFileAtomic(files[0]!, `${JSON.stringify(report, null, 2)}\n`);
  await writeFileAtomic(files[1]!, renderTheoryMarkdown(report));
  await writeFileAtomic(files[2]!, await renderSvg(accuracyVsCotSpec(report)));
  return files;
}
