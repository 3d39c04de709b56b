import { parse, View } from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';

/**
 * Renders a Vega-Lite spec to an SVG string headlessly (no browser, no canvas: Vega's own SVG
 * string renderer), so reports can carry plots people open directly.
 *
 * @example writeFileSync('curve.svg', await renderSvg(trainingCurveSpec(curve)));
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
