import { posix } from 'node:path';

/** HTML elements a README may use on purpose; any other `<word` outside code is escaped as text. */
const KNOWN_HTML = new Set([
  'a', 'b', 'br', 'code', 'details', 'div', 'em', 'hr', 'i', 'img', 'kbd', 'li', 'ol', 'p', 'pre', 'span',
  'strong', 'sub', 'summary', 'sup', 'table', 'tbody', 'td', 'th', 'thead', 'tr', 'ul',
]);

/**
 * Where a repository file is published on the site: returns the site path of its page (for
 * example `/guide/turing`), or undefined when the file has no page.
 */
export type PageOf = (repoPath: string) => string | undefined;

export interface PrepareReadmeOptions {
  /** The README's path relative to the repository root, e.g. `packages/turing/README.md`. */
  readmePath: string;
  pageOf: PageOf;
  /**
   * For images: the href under which the page can show a repository file (for example a plot
   * beside a report), or undefined when it cannot.
   */
  assetOf?: (repoPath: string) => string | undefined;
  /** Levels added to every heading (1 turns `#` into `##`), to nest the document under a page title. */
  demoteHeadings?: number;
}

const FENCE = /^\s*(```|~~~)/;

/** Escapes `<` that would open an element Vue does not know, and every `{` (Vue's `{{`, attribute syntax `{.x}`), in prose. */
function escapeProse(text: string): string {
  return text
    .replace(/<(\/?)([A-Za-z][\w-]*)/g, (match, slash: string, tag: string) => (KNOWN_HTML.has(tag.toLowerCase()) ? match : `&lt;${slash}${tag}`))
    // `{{` would be a Vue interpolation, and a trailing `{…}` markdown-it-attrs attributes.
    .replace(/\{/g, '&#123;');
}

function rewriteLink(target: string, options: PrepareReadmeOptions, image: boolean): { href: string } | { text: string } {
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return { href: target };
  const [pathPart = '', hash] = target.split('#', 2);
  const resolved = posix.normalize(posix.join(posix.dirname(options.readmePath), pathPart)).replace(/\/$/, '');
  if (image) {
    // An image shows a file, never a page: without an asset for it, name the file.
    const asset = options.assetOf?.(resolved);
    return asset === undefined ? { text: resolved } : { href: asset };
  }
  const page = options.pageOf(resolved);
  if (page !== undefined) return { href: hash === undefined ? page : `${page}#${hash}` };
  return { text: resolved };
}

/** Rewrites links and escapes prose in one line that lies outside fenced code. */
function prepareLine(line: string, options: PrepareReadmeOptions): string {
  // Split off inline code spans: odd parts are code and stay as they are.
  const parts = line.split(/(`+[^`]*`+)/);
  return parts
    .map((part, i) => {
      if (i % 2 === 1) return part;
      const withLinks = part.replace(/(!?)\[([^\]]*)\]\(([^)\s]+)(\s+"[^"]*")?\)/g, (_m, bang: string, label: string, target: string) => {
        const rewritten = rewriteLink(target, options, bang === '!');
        if ('href' in rewritten) return `${bang}[${label}](${rewritten.href})`;
        // Files that have no page on the site: name them, so the reader can find them in the repository.
        if (bang === '!') return `_(image: \`${rewritten.text}\`)_`;
        return `${label} (\`${rewritten.text}\`)`;
      });
      return escapeProse(withLinks);
    })
    .join('');
}

/**
 * Prepares a package README for inclusion in a docs page: relative links to files that have a
 * page on the site point at that page, links to other repository files become their path in
 * code (so the site never has a dead link), and prose that Vue would read as a template (an
 * unknown `<tag`, `{{`) is escaped. Fenced and inline code are left as written.
 *
 * @example
 * ```ts
 * prepareReadme('See [turing](../turing/README.md).', {
 *   readmePath: 'packages/corpus/README.md',
 *   pageOf: (p) => (p === 'packages/turing/README.md' ? '/guide/turing' : undefined),
 * }); // 'See [turing](/guide/turing).\n'
 * ```
 */
export function prepareReadme(markdown: string, options: PrepareReadmeOptions): string {
  const out: string[] = [];
  let fence: string | undefined;
  for (const line of markdown.replace(/\r\n/g, '\n').split('\n')) {
    const match = FENCE.exec(line);
    if (fence !== undefined) {
      out.push(line);
      if (match !== null && match[1] === fence) fence = undefined;
      continue;
    }
    if (match !== null) {
      fence = match[1];
      out.push(line);
      continue;
    }
    const demoted = options.demoteHeadings !== undefined && /^#{1,5} /.test(line) ? `${'#'.repeat(options.demoteHeadings)}${line}` : line;
    out.push(prepareLine(demoted, options));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
