import { describe, expect, it } from 'vitest';
import { memorySweepStore, runSweep } from './run-sweep.js';
import { pivotMarkdown, renderSweepMarkdown } from './sweep-markdown.js';

const axes = { format: ['malach', 'none'], model: ['linear', 'mlp'] };
const score = (format: unknown, model: unknown) => (format === 'malach' ? 0.5 : 0) + (model === 'mlp' ? 0.25 : 0);

describe('runSweep', () => {
  it('runs every cell once and collects one table', async () => {
    const ran: string[] = [];
    const table = await runSweep({
      axes,
      run: (cell) => {
        ran.push(`${String(cell['format'])}/${String(cell['model'])}`);
        return Promise.resolve({ exactMatch: score(cell['format'], cell['model']), steps: 10 });
      },
    });
    expect(ran).toEqual(['malach/linear', 'malach/mlp', 'none/linear', 'none/mlp']);
    expect(table.axes).toEqual(['format', 'model']);
    expect(table.metrics).toEqual(['exactMatch', 'steps']);
    expect(table.rows.map((r) => r.metrics['exactMatch'])).toEqual([0.5, 0.75, 0, 0.25]);
  });

  it('resumes: finished cells are read back, failed ones rerun', async () => {
    const store = memorySweepStore();
    let calls = 0;
    const first = await runSweep({
      axes, store,
      run: (cell) => {
        calls++;
        if (cell['model'] === 'mlp' && cell['format'] === 'none') return Promise.reject(new Error('out of memory'));
        return Promise.resolve({ exactMatch: score(cell['format'], cell['model']) });
      },
    });
    expect(calls).toBe(4);
    expect(first.rows[3]).toMatchObject({ status: 'failed', error: 'out of memory' });
    const events: string[] = [];
    const second = await runSweep({
      axes, store,
      run: (cell) => {
        calls++;
        return Promise.resolve({ exactMatch: score(cell['format'], cell['model']) });
      },
      onProgress: (p) => events.push(p.event),
    });
    expect(calls).toBe(5);
    expect(events).toEqual(['resumed', 'resumed', 'resumed', 'start', 'done']);
    expect(second.rows.every((r) => r.status === 'done')).toBe(true);
    expect(store.records.size).toBe(4);
  });

  it('stops on abort without recording the interrupted cell', async () => {
    const store = memorySweepStore();
    const controller = new AbortController();
    await expect(
      runSweep({
        axes, store, signal: controller.signal,
        run: (cell) => {
          if (cell['model'] === 'mlp') {
            controller.abort(new Error('interrupted'));
            return Promise.reject(new Error('interrupted'));
          }
          return Promise.resolve({ exactMatch: 0 });
        },
      }),
    ).rejects.toThrow('interrupted');
    expect([...store.records.keys()]).toEqual(['format-malach__model-linear']);
  });

  it('renders the table and a pivot as Markdown', async () => {
    let t = 0;
    const table = await runSweep({ axes, now: () => (t += 1000), run: (cell) => Promise.resolve({ exactMatch: score(cell['format'], cell['model']) }) });
    const md = renderSweepMarkdown(table, { formats: { exactMatch: 'percent' } });
    expect(md.split('\n')[0]).toBe('| format | model | exactMatch | time | status |');
    expect(md).toContain('| malach | mlp | 75.0% | 1 s | done |');
    expect(pivotMarkdown(table, { row: 'format', column: 'model', metric: 'exactMatch', format: 'percent' })).toBe(
      ['| format \\ model | linear | mlp |', '| --- | ---: | ---: |', '| malach | 50.0% | 75.0% |', '| none | 0.0% | 25.0% |'].join('\n'),
    );
  });
});
