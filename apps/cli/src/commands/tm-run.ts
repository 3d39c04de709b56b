import { once } from 'node:events';
import { CHUNK_STEPS, DEFAULT_MAX_STEPS, ENCODING_NAMES, getEncoding, InputError, runAsync, UnknownMachineError, type RunProgress, type RunResult } from '@cotlab/turing';
import { loadMachine } from '@cotlab/turing/node';
import { UsageError, type CommandSpec } from '../command.js';
import { choiceOption, intOption, stringOption } from '../options.js';
import { createProgressBar, type ProgressBar } from '../progress.js';

/** Tokens are written to stdout in chunks of about this many characters. */
const TRACE_CHUNK_CHARS = 1 << 16;

function summaryLine(r: RunResult, seconds: number): string {
  const how =
    r.reason === 'halt-state'
      ? `halted in ${r.stateKind} state '${r.state}'`
      : r.reason === 'no-transition'
        ? `halted: no rule for state '${r.missing?.state ?? r.state}' reading '${r.missing?.read ?? '?'}' (rejected)`
        : r.reason === 'step-limit'
          ? `NOT halted: stopped at the step limit in state '${r.state}' (partial configuration below)`
          : `NOT halted: interrupted in state '${r.state}' (partial configuration below)`;
  return `${how} after ${r.steps.toLocaleString('en-US')} steps (${seconds.toFixed(3)} s)`;
}

function jsonResult(machine: string, r: RunResult, seconds: number): string {
  return JSON.stringify({
    machine,
    halted: r.halted,
    accepted: r.accepted,
    reason: r.reason,
    state: r.state,
    steps: r.steps,
    head: r.head,
    nonBlank: r.nonBlank,
    output: r.output,
    ...(r.missing === undefined ? {} : { missing: r.missing }),
    seconds,
  });
}

export const tmRunCommand: CommandSpec = {
  name: 'run',
  summary: 'run a machine (library name, JSON file or compact notation) and print its result',
  args: 'NAME|FILE|COMPACT',
  options: {
    input: { type: 'string', valueName: 'STR', description: 'the input word (characters; space-separated when symbols are longer)', default: '' },
    'max-steps': { type: 'string', valueName: 'N', description: 'stop after N steps (the result then says so)', default: String(DEFAULT_MAX_STEPS) },
    trace: { type: 'string', valueName: 'ENCODING', description: `stream the run as CoT tokens on stdout: ${ENCODING_NAMES.join(', ')}` },
    engine: { type: 'string', valueName: 'ENGINE', description: "untraced runs: 'table' (general) or 'jit' (JavaScript generated for the machine)", default: 'table' },
    json: { type: 'boolean', description: 'print the result as one JSON object (on stderr with --trace)' },
  },
  details: `Examples:
  cotlab tm run bb5 --json
  cotlab tm run binary-addition --input 1011+110
  cotlab tm run 1RB1LB_1LA1RZ --trace snapshots
With --trace the tokens go to stdout (one line, space-separated) and the result to stderr.
Exit code 1 when the machine did not halt (step limit or Ctrl-C); the partial configuration is printed.`,
  async run({ values, positionals, stdout, stderr, signal }) {
    const [ref, ...extra] = positionals;
    if (ref === undefined || extra.length > 0) throw new UsageError(`tm run takes one NAME, FILE or COMPACT machine, got ${positionals.length} arguments`);
    const input = stringOption(values, 'input') ?? '';
    const maxSteps = intOption(values, 'max-steps', DEFAULT_MAX_STEPS, 0, Number.MAX_SAFE_INTEGER);
    const traceName = stringOption(values, 'trace');
    const engine = choiceOption(values, 'engine', ['table', 'jit'] as const, 'table');
    if (traceName !== undefined && !(ENCODING_NAMES as string[]).includes(traceName)) {
      throw new UsageError(`--trace must be one of ${ENCODING_NAMES.join(', ')}; got '${traceName}'`);
    }
    const json = values['json'] === true;
    let spec;
    try {
      spec = loadMachine(ref).spec;
    } catch (error) {
      if (error instanceof UnknownMachineError) throw new UsageError(error.message.replace(/^turing: /u, ''));
      throw error;
    }
    const t0 = performance.now();
    let result: RunResult;
    try {
      if (traceName === undefined) {
        // The bar appears only for runs longer than one chunk (CHUNK_STEPS steps).
        let bar: ProgressBar | undefined;
        const onProgress = (p: RunProgress): void => {
          if (p.steps < CHUNK_STEPS) return;
          // created after the first chunk: its rate counts from the start of the run
          bar ??= createProgressBar({ label: `tm ${ref}`, total: maxSteps, unit: 'steps', stream: stderr, startedAt: t0 });
          bar.update(p.steps);
        };
        result = await runAsync(spec, input, { maxSteps, signal, engine, onProgress });
        bar?.finish(`${result.steps.toLocaleString('en-US')} of at most ${maxSteps.toLocaleString('en-US')} steps`);
      } else {
        const gen = getEncoding(traceName).encode(spec, input, { maxSteps, signal });
        let buffer = '';
        let next = gen.next();
        while (next.done !== true) {
          buffer += buffer === '' ? next.value : ` ${next.value}`;
          if (buffer.length >= TRACE_CHUNK_CHARS) {
            // Wait for the pipe to drain so a long trace never piles up in memory.
            if (!stdout.write(`${buffer} `)) await once(stdout, 'drain');
            buffer = '';
          }
          next = gen.next();
        }
        stdout.write(`${buffer}\n`);
        result = next.value;
      }
    } catch (error) {
      if (error instanceof InputError) throw new UsageError(`--input: ${error.message.replace(/^turing: /u, '')}`);
      // The reader of a trace went away (`… | head`): stop quietly.
      if ((error as NodeJS.ErrnoException).code === 'EPIPE') return 0;
      throw error;
    }
    const seconds = (performance.now() - t0) / 1000;
    const out = traceName === undefined ? stdout : stderr;
    if (json) out.write(`${jsonResult(ref, result, seconds)}\n`);
    else {
      out.write(`${summaryLine(result, seconds)}\n`);
      out.write(`non-blank cells: ${result.nonBlank.toLocaleString('en-US')}; head at ${result.head}\n`);
      out.write(`output: ${result.output === '' ? '(blank tape)' : result.output}\n`);
    }
    if (result.reason === 'aborted') return 130;
    return result.halted ? 0 : 1;
  },
};
