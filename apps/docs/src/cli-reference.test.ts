import { commands } from 'cotlab';
import type { CommandEntry } from 'cotlab';
import { describe, expect, it } from 'vitest';
import { commandAnchor, escapeCell, optionFlag, renderCliReference } from './cli-reference.js';

const run = (): number => 0;
const entries: CommandEntry[] = [
  { name: 'version', summary: 'print versions', options: { json: { type: 'boolean', description: 'print one JSON object' } }, run },
  {
    name: 'tm',
    summary: 'Turing machines',
    commands: [
      {
        name: 'run',
        summary: 'run a machine',
        args: 'NAME|FILE',
        options: {
          input: { type: 'string', short: 'i', valueName: 'STR', description: 'the input word', default: '' },
          tag: { type: 'string', multiple: true, description: 'a | pipe and <angle>' },
        },
        details: 'Example: cotlab tm run bb-2',
        run,
      },
    ],
  },
];

describe('renderCliReference', () => {
  const page = renderCliReference(entries);

  it('lists every leaf command in the overview table with a link to its section', () => {
    expect(page).toContain('| [`cotlab version`](#cotlab-version) | print versions |');
    expect(page).toContain('| [`cotlab tm run`](#cotlab-tm-run) | run a machine |');
  });

  it('writes usage, options (flags, defaults, repeatable) and details', () => {
    expect(page).toContain('```sh\ncotlab tm run [options] NAME|FILE\n```');
    expect(page).toContain('| `-i, --input STR` | the input word | `` |');
    expect(page).toContain('| `--tag VALUE` (repeatable) | a \\| pipe and &lt;angle&gt; |  |');
    expect(page).toContain('Example: cotlab tm run bb-2');
    expect(page).toContain('## `cotlab tm` {#cotlab-tm}');
    expect(page).toContain('### `cotlab tm run` {#cotlab-tm-run}');
  });

  it('documents every command the real CLI exports', () => {
    const real = renderCliReference(commands);
    for (const entry of commands) expect(real).toContain(`cotlab ${entry.name}`);
  });
});

describe('helpers', () => {
  it('formats flags and anchors', () => {
    expect(optionFlag('out', { type: 'string', short: 'o', valueName: 'FILE', description: '' })).toBe('-o, --out FILE');
    expect(optionFlag('json', { type: 'boolean', description: '' })).toBe('--json');
    expect(commandAnchor(['tm', 'run'])).toBe('cotlab-tm-run');
    expect(escapeCell('a|b\nc')).toBe('a\\|b c');
  });
});
