import { parseReport, REPORT_SCHEMA, renderReportMarkdown } from '@cotlab/evaluator';
import { posix } from 'node:path';
import { prepareReadme } from './readme.js';
import type { ReportRenderer } from './results.js';
import { pageOfRepoPath } from './site-map.js';

/**
 * Renders `cotlab.report/1` run reports (what `cotlab reproduce` and `cotlab eval` write) with the
 * evaluator's own Markdown renderer, from the JSON, at build time; its plot links point at the
 * SVGs committed beside the report. Other JSON falls back to the generic rendering.
 *
 * @example
 * ```ts
 * renderExperimentPage(files, known, runReportRenderer((p) => existsSync(p)));
 * ```
 */
export function runReportRenderer(exists: (repoPath: string) => boolean): ReportRenderer {
  return ({ file, json }, experiment) => {
    if (typeof json !== 'object' || json === null || (json as { schema?: unknown }).schema !== REPORT_SCHEMA) return undefined;
    const report = parseReport(json);
    const base = `apps/docs/results/${experiment}/`;
    const images: string[] = [];
    const markdown = prepareReadme(renderReportMarkdown(report), {
      readmePath: posix.join(base, posix.dirname(file), 'report.md'),
      pageOf: pageOfRepoPath,
      assetOf: (repoPath) => {
        if (!repoPath.startsWith(base) || !exists(repoPath)) return undefined;
        const rel = repoPath.slice(base.length);
        images.push(rel);
        return `./${experiment}/${rel}`;
      },
      demoteHeadings: 2,
    });
    return { markdown: `${markdown}\n_Rendered from \`${base}${file}\` by the evaluator's \`renderReportMarkdown\`._\n`, images };
  };
}
