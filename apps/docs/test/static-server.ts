import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  // Browsers compile WebAssembly while streaming only when it is served as application/wasm.
  '.wasm': 'application/wasm',
};

/** A running static server and its base URL. */
export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** The file a URL path maps to under `root`, with VitePress's clean URLs (`/a/b` → `a/b.html`). */
export function resolveStaticPath(root: string, urlPath: string): string | undefined {
  const path = normalize(decodeURIComponent(urlPath.split('?')[0] ?? '/'));
  if (path.split(sep).includes('..')) return undefined;
  const candidates = [join(root, path), join(root, `${path}.html`), join(root, path, 'index.html')];
  return candidates.find((c) => existsSync(c) && statSync(c).isFile());
}

/**
 * Serves the built site on 127.0.0.1 at a free port, the way a static host would.
 *
 * @example
 * ```ts
 * const server = await serveStatic('.vitepress/dist');
 * // … drive a browser at server.url …
 * await server.close();
 * ```
 */
export async function serveStatic(root: string): Promise<StaticServer> {
  const server: Server = createServer((req, res) => {
    const file = resolveStaticPath(root, req.url ?? '/');
    if (file === undefined) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end(`not found: ${req.url ?? ''}`);
      return;
    }
    res.writeHead(200, { 'content-type': MIME[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
