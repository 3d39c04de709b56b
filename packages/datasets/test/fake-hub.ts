import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeFile {
  content: Buffer;
  /** Misbehaviour for the first `times` requests of this file. */
  fault?: { kind: 'truncate' | 'corrupt' | 'ignore-range' | 'error-500'; times: number };
}

/** A local stand-in for the hub: the tree API and the resolve endpoint, with Range support and injected faults. */
export class FakeHub {
  readonly requests: { path: string; range: string | undefined; status: number }[] = [];
  private server: Server | undefined;
  endpoint = '';

  constructor(
    readonly repo: string,
    readonly files: Map<string, FakeFile>,
  ) {}

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://x');
      const tree = `/api/datasets/${this.repo}/tree/`;
      const resolve = `/datasets/${this.repo}/resolve/`;
      const send = (status: number, body: Buffer | string, headers: Record<string, string> = {}): void => {
        this.requests.push({ path: url.pathname, range: req.headers.range, status });
        res.writeHead(status, headers);
        res.end(body);
      };
      if (url.pathname.startsWith(tree)) {
        const rest = decodeURIComponent(url.pathname.slice(tree.length));
        const dir = rest.includes('/') ? rest.slice(rest.indexOf('/') + 1) : '';
        const entries = [...this.files.entries()]
          .filter(([path]) => (dir === '' ? !path.includes('/') : path.startsWith(`${dir}/`)))
          .map(([path, file]) => ({
            type: 'file',
            path,
            size: 134,
            oid: 'f'.repeat(40),
            lfs: { oid: createHash('sha256').update(file.content).digest('hex'), size: file.content.length, pointerSize: 134 },
          }));
        send(200, JSON.stringify(entries), { 'content-type': 'application/json' });
        return;
      }
      if (url.pathname.startsWith(resolve)) {
        const rest = decodeURIComponent(url.pathname.slice(resolve.length));
        const file = this.files.get(rest.slice(rest.indexOf('/') + 1));
        if (file === undefined) return send(404, 'not found');
        const fault = file.fault && file.fault.times > 0 ? file.fault : undefined;
        if (fault) fault.times--;
        if (fault?.kind === 'error-500') return send(500, 'oops');
        const match = /^bytes=(\d+)-$/.exec(req.headers.range ?? '');
        const start = match && fault?.kind !== 'ignore-range' ? Number(match[1]) : 0;
        let body = file.content.subarray(start);
        if (fault?.kind === 'truncate') body = body.subarray(0, Math.floor(body.length / 2));
        if (fault?.kind === 'corrupt') body = Buffer.from(body.map((b, i) => (i === 3 ? b ^ 0xff : b)));
        if (start >= file.content.length && start > 0) return send(416, '');
        const headers: Record<string, string> = { 'content-length': String(body.length) };
        if (start > 0) headers['content-range'] = `bytes ${start}-${file.content.length - 1}/${file.content.length}`;
        return send(start > 0 ? 206 : 200, body, headers);
      }
      send(404, 'not found');
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server?.address() as AddressInfo).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}
