import { startTestServerProcess, type TestServerProcess } from '@dl/test-server/process';
import { fileUrl } from '@dl/test-server/scenarios';

/** The sample the no-URL demo downloads: big enough to watch, served from this machine. */
export const DEFAULT_SAMPLE_BYTES = 300 * 1024 * 1024;

/**
 * Starts the embedded test server (in a child process, so serving does not slow the download being
 * shown) and returns the URL of a sample file of `size` bytes.
 */
export async function startSample(size: number): Promise<{ url: string; server: TestServerProcess }> {
  const server = await startTestServerProcess();
  return { url: fileUrl(server.url, { size, seed: 2026, type: 'application/octet-stream' }), server };
}
