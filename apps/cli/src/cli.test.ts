import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from './testing/run-cli.js';

const run = (...argv: string[]): Promise<CliRun> => runCli(argv);

describe('cotlab CLI', () => {
  it('prints help with every command', async () => {
    const { code, out } = await run('--help');
    expect(code).toBe(0);
    expect(out).toMatch(/Usage: cotlab <command>/);
    expect(out).toMatch(/version/);
  });
  it('prints the version of every package and of Node.js', async () => {
    const { code, out } = await run('--version');
    expect(code).toBe(0);
    for (const name of ['cotlab', '@cotlab/tokenizer', '@cotlab/turing', '@cotlab/corpus', '@cotlab/models', '@cotlab/evaluator']) {
      expect(out).toMatch(new RegExp(`${name.replace('/', '\\/')}\\s+\\d+\\.\\d+\\.\\d+`));
    }
    expect(out).toContain(process.versions.node);
  });
  it('rejects an unknown command with one line and exit code 2', async () => {
    const { code, err } = await run('frobnicate');
    expect(code).toBe(2);
    expect(err.trim().split('\n')).toHaveLength(1);
    expect(err).toMatch(/unknown command 'frobnicate'; commands are: .*version/);
  });
  it('rejects an unknown option naming it', async () => {
    const { code, err } = await run('version', '--frob');
    expect(code).toBe(2);
    expect(err).toMatch(/--frob/);
  });
  it('prints JSON on request', async () => {
    const { out } = await run('version', '--json');
    expect(JSON.parse(out)).toHaveProperty('node', process.versions.node);
  });
});
