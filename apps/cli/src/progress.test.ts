import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createProgressBar, formatDuration, formatRate } from './progress.js';

function capture(): { stream: PassThrough; text: () => string } {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => (text += d.toString()));
  return { stream, text: () => text };
}

describe('progress bar', () => {
  it('shows the count, rate and ETA from the clock', () => {
    let t = 0;
    const { stream, text } = capture();
    const bar = createProgressBar({ label: 'train', total: 100, unit: 'steps', stream, intervalMs: 0, now: () => t });
    t = 10_000;
    bar.update(25, 'loss 1.500');
    expect(text()).toMatch(/train .* 25% 25\/100 steps · 2\.50 steps\/s · ETA 30s · 10s elapsed · loss 1\.500\n/);
  });
  it('counts the rate from when the work began for a bar created later', () => {
    let t = 4_000;
    const { stream, text } = capture();
    const bar = createProgressBar({ label: 'tm', total: 100, unit: 'steps', stream, intervalMs: 0, now: () => t, startedAt: 0 });
    t = 5_000;
    bar.update(50);
    expect(text()).toMatch(/ 50\/100 steps · 10\.0 steps\/s · ETA 5s · 5s elapsed/);
  });
  it('throttles redraws but always draws completion', () => {
    let t = 0;
    const { stream, text } = capture();
    const bar = createProgressBar({ label: 'x', total: 10, stream, intervalMs: 1000, now: () => t });
    for (let i = 1; i <= 10; i++) {
      t += 10;
      bar.update(i);
    }
    bar.finish('done');
    expect(text().trim().split('\n')).toEqual([expect.stringMatching(/ 1\/10 /), expect.stringMatching(/10\/10/), 'done']);
  });
  it('formats durations and rates', () => {
    expect(formatDuration(7.2)).toBe('7s');
    expect(formatDuration(65)).toBe('1m05s');
    expect(formatDuration(3725)).toBe('1h02m');
    expect(formatDuration(NaN)).toBe('?');
    expect(formatRate(1_234_567)).toBe('1.23M');
    expect(formatRate(12_345)).toBe('12.3k');
  });
});
