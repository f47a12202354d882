import { defaultClientConditions, defineConfig } from 'vite';
import { sampleServer } from './dev/sample-server';

// The page imports @dl/h5 from its TypeScript source (the workspace's `dl-source` condition): no build first.
export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions: ['dl-source', ...defaultClientConditions] },
  server: { host: '127.0.0.1' },
  plugins: [sampleServer()],
});
