// The test server in its own process, so the download being measured does not share its event loop.
import { startTestServer } from '@dl/test-server';

const server = await startTestServer();
process.send?.({ url: server.url });
process.on('disconnect', () => {
  server.close().then(() => process.exit(0));
});
