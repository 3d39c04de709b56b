import { describe, expect, it } from 'vitest';
import { renderSnippet } from './snippet.js';

describe('renderSnippet', () => {
  it('shows the code without its docs: comment, then the output it printed', () => {
    const md = renderSnippet('// docs: theory page\nconsole.log(1 + 1);\n', '2\n');
    expect(md).toBe('```ts\nconsole.log(1 + 1);\n```\n\nOutput (printed when this site was built):\n\n```text\n2\n```\n');
  });

  it('cuts long output and says how much was left out', () => {
    const output = `${Array.from({ length: 50 }, (_, i) => String(i)).join('\n')}\n`;
    expect(renderSnippet('x', output)).toContain('… (10 more lines)');
  });
});
