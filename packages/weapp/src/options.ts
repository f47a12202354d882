import { MAX_TIMER_MS } from '@dl/core';
import type { DownloadFileOptions } from '@dl/types';

/**
 * WeChat's own `downloadFile` options the contract does not name. These, and any other option the
 * contract does not name, are passed to the platform as given (the job's `extra`; platforms ignore what
 * they do not know).
 */
export interface WeappPlatformOptions {
  /** Use HTTP/2 when the server supports it (WeChat 2.10.4+). */
  enableHttp2?: boolean;
  /** Use HTTP/3 (QUIC) when the server supports it (WeChat 2.10.4+). */
  enableQuic?: boolean;
  /** Return timing details as `profile` in the result (WeChat 2.10.4+; on by default there). */
  enableProfile?: boolean;
  /** Use the HTTP cache (WeChat 2.10.4+). */
  enableCache?: boolean;
  /** Resolve the host through HttpDNS (WeChat 2.19.1+), with `httpDNSServiceId`. */
  enableHttpDNS?: boolean;
  httpDNSServiceId?: string;
}

/** `downloadFile`'s options on mini-programs: the contract's plus the platform's own. */
export type WeappDownloadFileOptions = DownloadFileOptions & WeappPlatformOptions;

/**
 * The `timeout` to give the platform. The task keeps the contract's deadline itself; the platform must not
 * end sooner, so "no deadline" (0) becomes the longest the platform accepts and the default stays its own.
 */
export function platformTimeout(timeout: unknown): number | undefined {
  if (timeout === undefined) return undefined;
  if (typeof timeout !== 'number' || timeout <= 0 || timeout > MAX_TIMER_MS) return MAX_TIMER_MS;
  return timeout;
}
