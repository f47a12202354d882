import type { IncomingMessage } from 'node:http';
import type { LoggedRequest } from './scenarios/log';

/** Every request the server answered, in arrival order, so tests can check what really reached it. */
export class RequestLog {
  readonly #entries: LoggedRequest[] = [];

  /** Records a request as it arrives; the returned entry is updated while the response is sent. */
  add(req: IncomingMessage, url: URL): LoggedRequest {
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
    }
    return this.addRaw(req.method ?? 'GET', url, headers);
  }

  /** Records a request by its parts: the raw fault listener parses its own (lower-case header names). */
  addRaw(method: string, url: URL, headers: Record<string, string>): LoggedRequest {
    const entry: LoggedRequest = {
      id: url.searchParams.get('id') ?? '',
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      startedAt: Date.now(),
      bytesSent: 0,
      finished: false,
      clientAborted: false,
    };
    this.#entries.push(entry);
    return entry;
  }

  /** All entries, or those tagged `id`; copies, so callers cannot change the log. */
  list(id?: string): LoggedRequest[] {
    const entries = id === undefined ? this.#entries : this.#entries.filter((e) => e.id === id);
    return entries.map((e) => ({ ...e }));
  }
}
