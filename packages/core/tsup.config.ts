import { dlBuild } from '../../tsup.shared';

// `fetch` is the entry for adapters whose runtimes have the fetch globals (h5, node), so the declaration
// pass gets the DOM library; the main entry's declarations are proved DOM-free by tsc -b (tsconfig.json)
// and by the weapp-realm tests.
export default dlBuild(
  { index: 'src/index.ts', fetch: 'src/fetch/index.ts' },
  {
    target: 'es2015',
    dts: { compilerOptions: { composite: false, incremental: false, lib: ['ES2022', 'DOM'] } },
  },
);
