import type { TopLevelSpec } from 'vega-lite';
import type { FirstErrorHistogram } from '../metrics/first-error.js';
import type { PositionScore } from '../metrics/teacher-forced.js';
import type { CurvePoint } from '../report.js';

const SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';
/** Plot size in pixels: wide enough for 307 positions, small enough for a docs page. */
const WIDTH = 640;
const HEIGHT = 240;

/**
 * Vega-Lite spec of a training curve: training loss (and held-out loss where measured) by step,
 * on a log scale.
 *
 * @example const svg = await renderSvg(trainingCurveSpec(report.training.curve));
 */
export function trainingCurveSpec(curve: readonly CurvePoint[], title = 'Training loss'): TopLevelSpec {
  const values: { step: number; loss: number; series: string }[] = [];
  for (const p of curve) {
    if (p.loss > 0 && Number.isFinite(p.loss)) values.push({ step: p.step, loss: p.loss, series: 'train' });
    if (p.evalLoss !== undefined && p.evalLoss > 0 && Number.isFinite(p.evalLoss)) values.push({ step: p.step, loss: p.evalLoss, series: 'held-out' });
  }
  return {
    $schema: SCHEMA,
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'line', point: values.length <= 60 },
    encoding: {
      x: { field: 'step', type: 'quantitative', title: 'step' },
      y: { field: 'loss', type: 'quantitative', title: 'cross-entropy (nats per token)', scale: { type: 'log' } },
      color: { field: 'series', type: 'nominal', title: null },
    },
  };
}

/**
 * Vega-Lite spec of teacher-forced accuracy by position in the sequence.
 *
 * @example const svg = await renderSvg(positionAccuracySpec(result.teacherForced.byPosition));
 */
export function positionAccuracySpec(byPosition: readonly PositionScore[], title = 'Teacher-forced accuracy by position'): TopLevelSpec {
  return {
    $schema: SCHEMA,
    title,
    width: WIDTH,
    height: HEIGHT,
    data: { values: byPosition.map((p) => ({ position: p.position, accuracy: p.accuracy, loss: p.loss })) },
    mark: { type: 'line', point: byPosition.length <= 60, interpolate: 'step-after' },
    encoding: {
      x: { field: 'position', type: 'quantitative', title: 'position in sequence' },
      y: { field: 'accuracy', type: 'quantitative', title: 'accuracy', scale: { domain: [0, 1] }, axis: { format: '%' } },
    },
  };
}

/**
 * Vega-Lite spec of the first-error histogram: how many rollouts first go wrong at each
 * continuation index, plus a bar for rollouts with no error.
 *
 * @example const svg = await renderSvg(firstErrorSpec(result.firstError));
 */
export function firstErrorSpec(histogram: FirstErrorHistogram, title = 'Where greedy rollouts first go wrong'): TopLevelSpec {
  const values = histogram.counts.map((count, index) => ({ index, count }));
  return {
    $schema: SCHEMA,
    title: { text: title, subtitle: `${histogram.noError} rollouts without an error` },
    width: WIDTH,
    height: HEIGHT,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      x: { field: 'index', type: 'quantitative', title: 'continuation index of the first wrong token', bin: false, scale: { domain: [0, Math.max(1, histogram.length)] } },
      y: { field: 'count', type: 'quantitative', title: 'rollouts' },
    },
  };
}

/**
 * Vega-Lite heat map of one sweep metric over two axes (e.g. format × model), with the value
 * printed in each cell.
 *
 * @example const svg = await renderSvg(sweepHeatmapSpec(rows, { x: 'model', y: 'format', value: 'exactMatch' }));
 */
export function sweepHeatmapSpec(
  rows: readonly Record<string, unknown>[],
  axes: { x: string; y: string; value: string; title?: string },
): TopLevelSpec {
  const values = rows.map((r) => ({ x: String(r[axes.x]), y: String(r[axes.y]), value: typeof r[axes.value] === 'number' ? r[axes.value] : null }));
  return {
    $schema: SCHEMA,
    title: axes.title ?? `${axes.value} by ${axes.y} × ${axes.x}`,
    data: { values },
    encoding: {
      x: { field: 'x', type: 'nominal', title: axes.x, sort: null },
      y: { field: 'y', type: 'nominal', title: axes.y, sort: null },
    },
    layer: [
      {
        mark: { type: 'rect' },
        encoding: { color: { field: 'value', type: 'quantitative', title: axes.value, scale: { domain: [0, 1], scheme: 'blues' } } },
      },
      {
        mark: { type: 'text', fontSize: 13 },
        encoding: {
          text: { field: 'value', type: 'quantitative', format: '.1%' },
          color: { condition: { test: 'datum.value > 0.6', value: 'white' }, value: 'black' },
        },
      },
    ],
    config: { axis: { labelFontSize: 12 }, view: { step: 64 } },
  };
}
