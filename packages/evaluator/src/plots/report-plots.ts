import type { PlotName, RunReport } from '../report.js';
import { renderSvg } from './render-svg.js';
import { firstErrorSpec, positionAccuracySpec, trainingCurveSpec } from './specs.js';

/**
 * Every plot a report has data for, rendered to SVG, keyed by plot name (`training-curve`,
 * `position-accuracy`, `first-error`).
 *
 * @example for (const [name, svg] of Object.entries(await reportPlots(report))) writeFileSync(`${name}.svg`, svg);
 */
export async function reportPlots(report: RunReport): Promise<Partial<Record<PlotName, string>>> {
  const out: Partial<Record<PlotName, string>> = {};
  if (report.training !== undefined && report.training.curve.length > 0) {
    out['training-curve'] = await renderSvg(trainingCurveSpec(report.training.curve, `Training loss: ${report.title}`));
  }
  const tf = report.evaluation.teacherForced;
  if (tf !== null && tf.byPosition.length > 0) out['position-accuracy'] = await renderSvg(positionAccuracySpec(tf.byPosition));
  out['first-error'] = await renderSvg(firstErrorSpec(report.evaluation.firstError));
  return out;
}
