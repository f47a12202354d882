// The test server as a child process: it reports its URL over IPC and stops when the parent lets go.
import { startTestServer } from '../server';

startTestServer().then((server) => {
  process.send?.({ url: server.url });
  process.on('disconnect', () => {
    server.close().then(() => process.exit(0));
  });
});
