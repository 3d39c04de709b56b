/** Longest output a page shows of one snippet, in lines. */
const MAX_OUTPUT_LINES = 40;

/**
 * Renders a runnable snippet and the output it printed as Markdown: the code as the reader
 * would type it, then what it printed when the site was built.
 *
 * @example
 * ```ts
 * renderSnippet("console.log(1 + 1);\n", '2\n');
 * ```
 */
export function renderSnippet(code: string, output: string): string {
  const body = code.replace(/^\/\/ docs:.*\n/gm, '').trim();
  const lines = output.replace(/\s+$/, '').split('\n');
  const shown = lines.length > MAX_OUTPUT_LINES ? [...lines.slice(0, MAX_OUTPUT_LINES), `… (${lines.length - MAX_OUTPUT_LINES} more lines)`] : lines;
  const fence = (text: string): string => (text.includes('```') ? '~~~~' : '```');
  return [`${fence(body)}ts`, body, fence(body), '', 'Output (printed when this site was built):', '', `${fence(output)}text`, ...shown, fence(output), ''].join('\n');
}
