import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCompact } from './compact.js';
import { SpecError, UnknownMachineError } from './errors.js';
import { checkSpecFile, loadMachine, readSpecFile, SpecFileError, writeSpecFile } from './node.js';

const dir = mkdtempSync(join(tmpdir(), 'cotlab-turing-node-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('@cotlab/turing/node', () => {
  it('writes a spec atomically and reads it back', () => {
    const path = join(dir, 'bb2.json');
    const spec = parseCompact('1RB1LB_1LA1RZ');
    writeSpecFile(path, spec);
    expect(readSpecFile(path)).toEqual(spec);
    expect(readdirSync(dir)).toEqual(['bb2.json']);
    expect(loadMachine(path)).toMatchObject({ source: 'file', ref: path });
  });

  it('lists every problem of a bad file, and refuses to write a bad spec', () => {
    const path = join(dir, 'bad.json');
    const spec = parseCompact('1RB1LB_1LA1RZ');
    writeFileSync(path, JSON.stringify({ ...spec, start: 'Q', transitions: [...spec.transitions, { ...spec.transitions[0], next: 'q9' }] }));
    expect(checkSpecFile(path).map((p) => p.path)).toEqual(['start', 'transitions[4].next', 'transitions[4]']);
    expect(() => readSpecFile(path)).toThrow(SpecError);
    expect(() => writeSpecFile(join(dir, 'never.json'), { ...spec, blank: '7' })).toThrow(/blank: blank '7' is not in tapeAlphabet/);
    expect(readdirSync(dir)).not.toContain('never.json');
  });

  it('says why a file cannot be read', () => {
    const path = join(dir, 'broken.json');
    writeFileSync(path, '{ "states": [');
    expect(() => checkSpecFile(path)).toThrow(SpecFileError);
    expect(() => checkSpecFile(path)).toThrow(/broken\.json': not valid JSON/);
    expect(() => loadMachine(join(dir, 'missing.json'))).toThrow(/missing\.json': no such file/);
    expect(readFileSync(path, 'utf8')).toBe('{ "states": [');
  });

  it('resolves names, compact notation and files; lists names for anything else', () => {
    expect(loadMachine('bb3').source).toBe('library');
    expect(loadMachine('1RB1LB_1LA1RZ').source).toBe('compact');
    expect(() => loadMachine('bb9')).toThrow(UnknownMachineError);
    expect(() => loadMachine('bb9')).toThrow(/available: binary-increment/);
  });
});
