import type { RunReport } from '../report.js';
import { compact, duration, markdownTable, percent } from './format.js';

/** How many of the hardest positions the Markdown lists (the plot shows all). */
const HARDEST_POSITIONS = 10;

/**
 * Renders a run report as Markdown: the headline numbers next to chance, the configuration,
 * the training run, the hardest CoT positions, where rollouts first go wrong, a few samples and
 * the machine. Plots named in `report.plots` are linked as images.
 *
 * @example writeFileSync('report.md', renderReportMarkdown(report));
 */
export function renderReportMarkdown(report: RunReport): string {
  const { task, model, training, evaluation: ev } = report;
  const out: string[] = [`# ${report.title}`, ''];
  out.push(`Made by \`${report.command}\` on ${report.createdAt}${report.preset === undefined ? '' : ` (preset \`${report.preset}\`)`}.`, '');
  out.push('## Result', '');
  const rows: (string | number)[][] = [
    ['exact match (greedy rollout)', percent(ev.answers.exactMatch), percent(ev.chance.exactMatch, 2)],
    ['per-digit accuracy of the answer', percent(ev.answers.digitAccuracy), percent(ev.chance.digitAccuracy)],
  ];
  if (ev.teacherForced !== null) {
    rows.push(['CoT token accuracy (teacher forcing)', percent(ev.teacherForced.tokenAccuracy), '']);
    rows.push(['whole CoT right (teacher forcing)', percent(ev.teacherForced.sequenceAccuracy), '']);
    rows.push(['loss per CoT token (nats)', ev.teacherForced.loss.toFixed(4), '']);
    rows.push(['perplexity per CoT token', ev.teacherForced.perplexity.toFixed(3), '']);
  }
  rows.push(['malformed continuations', `${ev.answers.malformedCount} of ${ev.count}`, '']);
  out.push(`${ev.answers.exactMatchCount} of ${ev.count} held-out (${ev.split}) examples exactly right.`, '');
  out.push(markdownTable(['metric', 'model', 'chance'], rows, ['l', 'r', 'r']), '');
  out.push(
    'Chance is the best guess that ignores the input: the most frequent training answer (exact match) and the most frequent training digit at each place (per-digit).',
    '',
  );

  out.push('## Setup', '');
  const cfg = model.config;
  const shape = [cfg.kind, `d = ${cfg.dim}`, `T = ${cfg.contextLength}`, `V = ${cfg.vocabSize}`];
  if (cfg.layers !== undefined) shape.push(`${cfg.layers} layers`);
  if (cfg.heads !== undefined) shape.push(`${cfg.heads} heads`);
  const setup: (string | number)[][] = [
    ['task', `${task.name} ${JSON.stringify(task.params)}`],
    ['CoT format', task.format],
    ['split', task.split],
    ['model', `${shape.join(', ')}; ${compact(model.parameterCount)} parameters`],
  ];
  if (training !== undefined) {
    setup.push(['training', `${training.steps} steps × batch ${training.batchSize} = ${compact(training.sequences)} sequences in ${duration(training.seconds)}${training.budgetSeconds === undefined ? '' : ` (budget ${duration(training.budgetSeconds)})`}${training.stoppedEarly ? ', stopped early' : ''}`]);
    setup.push(['optimiser', `AdamW, lr ${training.lr}, weight decay ${training.weightDecay}${training.workers === undefined ? '' : `; ${training.workers} worker thread${training.workers === 1 ? '' : 's'}`}`]);
    setup.push(['final training loss', training.finalLoss.toFixed(4)]);
  }
  setup.push(['evaluation', `${ev.count} examples, greedy, ${duration(ev.seconds)}`]);
  out.push(markdownTable(['', ''], setup), '');

  const plot = (name: keyof NonNullable<RunReport['plots']>, alt: string) => {
    const file = report.plots?.[name];
    if (file !== undefined) out.push(`![${alt}](${file})`, '');
  };
  if (training !== undefined) {
    out.push('## Training', '');
    plot('training-curve', 'training loss by step');
  }

  if (ev.teacherForced !== null && ev.teacherForced.byPosition.length > 0) {
    out.push('## Accuracy by position (teacher forcing)', '');
    plot('position-accuracy', 'teacher-forced accuracy by sequence position');
    const hardest = [...ev.teacherForced.byPosition].sort((a, b) => a.accuracy - b.accuracy || b.loss - a.loss).slice(0, HARDEST_POSITIONS);
    out.push(`The ${hardest.length} hardest positions (index in the full sequence):`, '');
    out.push(markdownTable(['position', 'accuracy', 'loss', 'perplexity'], hardest.map((p) => [p.position, percent(p.accuracy), p.loss.toFixed(4), p.perplexity.toFixed(3)]), ['r', 'r', 'r', 'r']), '');
  }

  out.push('## First wrong token of the rollouts', '');
  plot('first-error', 'histogram of the first wrong token');
  const fe = ev.firstError;
  const errs = fe.counts.map((count, index) => ({ index, count })).filter((e) => e.count > 0);
  out.push(`${fe.noError} of ${ev.count} rollouts reproduce the whole expected continuation (${fe.length} tokens).`);
  if (errs.length > 0) {
    const top = [...errs].sort((a, b) => b.count - a.count).slice(0, 5);
    out.push(`Most frequent first errors (continuation index: rollouts): ${top.map((e) => `${e.index}: ${e.count}`).join(', ')}.`);
  }
  out.push('');

  if (ev.samples.length > 0) {
    out.push('## Samples', '');
    for (const s of ev.samples) {
      out.push(`- ${s.correct ? 'right' : 'wrong'}: \`${s.prompt}\` → answer \`${s.answer ?? '(malformed)'}\`${s.firstError === null ? '' : `, first wrong token at ${s.firstError}`}`);
    }
    out.push('');
  }

  if (report.machine !== undefined) {
    const m = report.machine;
    out.push('## Machine', '');
    out.push(`${m.cpuModel}, ${m.cores} logical cores (shared), ${m.memoryGiB.toFixed(0)} GiB, ${m.platform}/${m.arch}, Node ${m.node}, TensorFlow.js backend \`${m.backend}\`.`, '');
  }
  return out.join('\n');
}
