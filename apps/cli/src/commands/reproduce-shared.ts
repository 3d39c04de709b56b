import type { ReproduceEvent } from '@cotlab/evaluator/node';
import { createProgressBar, type ProgressBar } from '../progress.js';

/** Draws a reproduction's progress on stderr: setup lines, then a bar for training and one for evaluation. */
export function reproduceProgress(stderr: NodeJS.WritableStream, prefix = ''): (event: ReproduceEvent) => void {
  let trainBar: ProgressBar | undefined;
  let evalBar: ProgressBar | undefined;
  let evalPhase = '';
  return (event) => {
    switch (event.stage) {
      case 'setup':
        stderr.write(`${prefix}${event.message}; ${event.parameterCount.toLocaleString('en-US')} parameters; backend ${event.backend}\n`);
        break;
      case 'calibrate':
        stderr.write(`${prefix}measured ${(event.secondsPerStep * 1000).toFixed(0)} ms/step with ${event.workers} worker${event.workers === 1 ? '' : 's'}: planning ${event.plannedSteps} steps to fit the budget\n`);
        break;
      case 'train': {
        const p = event.progress;
        trainBar ??= createProgressBar({ label: `${prefix}train`, total: p.steps, unit: 'steps', stream: stderr });
        trainBar.update(p.step, `loss ${p.loss.toFixed(4)}${p.evalLoss === undefined ? '' : ` · held-out ${p.evalLoss.toFixed(4)}`}`);
        break;
      }
      case 'evaluate': {
        trainBar?.finish();
        const p = event.progress;
        if (p.phase !== evalPhase) {
          evalBar?.finish();
          evalPhase = p.phase;
          evalBar = createProgressBar({ label: `${prefix}${p.phase === 'rollout' ? 'roll out' : 'teacher-force'}`, total: p.total, unit: 'examples', stream: stderr });
        }
        evalBar?.update(p.done);
        break;
      }
      case 'report':
        trainBar?.finish();
        evalBar?.finish();
        break;
    }
  };
}

/** The command line as the user could retype it, rebuilt from the parsed options (for reports). */
export function commandLine(path: readonly string[], values: Record<string, string | boolean | (string | boolean)[] | undefined>, positionals: readonly string[] = []): string {
  const parts = ['cotlab', ...path, ...positionals];
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === false) continue;
    parts.push(value === true ? `--${name}` : `--${name} ${Array.isArray(value) ? value.join(',') : value}`);
  }
  return parts.join(' ');
}
