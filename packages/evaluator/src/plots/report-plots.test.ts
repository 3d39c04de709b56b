import { describe, expect, it } from 'vitest';
import { sampleReport } from '../testing/sample-report.js';
import { reportPlots } from './report-plots.js';
import { renderSvg } from './render-svg.js';
import { sweepHeatmapSpec } from './specs.js';

describe('reportPlots', () => {
  it('renders each plot the report has data for as a standalone SVG with its data drawn', async () => {
    const plots = await reportPlots(await sampleReport());
    expect(Object.keys(plots).sort()).toEqual(['first-error', 'position-accuracy', 'training-curve']);
    for (const svg of Object.values(plots)) {
      expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"[^>]*width="\d+"/);
      expect(svg).toMatch(/<\/svg>$/);
    }
    expect(plots['training-curve']).toContain('held-out');
    expect(plots['first-error']).toContain('90 rollouts without an error');
    expect((plots['first-error']?.match(/role-mark/g) ?? []).length).toBeGreaterThan(0);
  });

  it('renders a sweep heat map with the values printed', async () => {
    const svg = await renderSvg(sweepHeatmapSpec(
      [{ format: 'malach', model: 'mlp', exactMatch: 0.75 }, { format: 'none', model: 'mlp', exactMatch: 0.02 }],
      { x: 'model', y: 'format', value: 'exactMatch' },
    ));
    expect(svg).toContain('75.0%');
    expect(svg).toContain('2.0%');
  });
});
