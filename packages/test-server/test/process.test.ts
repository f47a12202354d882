import { describe, expect, it } from 'vitest';
import { startTestServerProcess } from '../src/process/index';
import { expectedBody, fetchLog, fileUrl, newRequestId } from '../src/scenarios/index';

describe('startTestServerProcess', () => {
  it('serves from a child process, and stop() ends it', async () => {
    const server = await startTestServerProcess();
    const id = newRequestId();
    const response = await fetch(fileUrl(server.url, { size: 70_000, seed: 4, id }));
    expect(new Uint8Array(await response.arrayBuffer())).toEqual(expectedBody(70_000, 4));
    expect(await fetchLog(server.url, id)).toHaveLength(1);
    await server.stop();
    await expect(fetch(fileUrl(server.url, { size: 1 }))).rejects.toThrow();
  });
});
