import { join } from 'node:path';
import { reportPlots } from '../plots/report-plots.js';
import { renderReportMarkdown } from '../render/report-markdown.js';
import type { PlotName, RunReport } from '../report.js';
import { writeFileAtomic } from './atomic-write.js';

/** Paths of the files `writeReport` wrote. */
export interface WrittenReport {
  json: string;
  markdown: string;
  plots: Partial<Record<PlotName, string>>;
}

/**
 * Writes a report into `dir`: `report.json` (the data), `report.md` (its rendering) and one SVG
 * per plot, each atomically. The JSON records the plots' file names.
 *
 * @example const files = await writeReport('runs/multiplication-quick', report);
 */
export async function writeReport(dir: string, report: RunReport): Promise<WrittenReport> {
  const svgs = await reportPlots(report);
  const plots: Partial<Record<PlotName, string>> = {};
  const names: Partial<Record<PlotName, string>> = {};
  for (const [name, svg] of Object.entries(svgs) as [PlotName, string][]) {
    const file = `${name}.svg`;
    await writeFileAtomic(join(dir, file), svg);
    plots[name] = join(dir, file);
    names[name] = file;
  }
  const withPlots: RunReport = { ...report, plots: names };
  const json = join(dir, 'report.json');
  const markdown = join(dir, 'report.md');
  await writeFileAtomic(json, `${JSON.stringify(withPlots, null, 2)}\n`);
  await writeFileAtomic(markdown, renderReportMarkdown(withPlots));
  return { json, markdown, plots };
}
