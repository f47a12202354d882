import { dlBuild } from '../../tsup.shared';

// `fetch` is the entry for adapters whose runtimes have the fetch globals (h5, node).
export default dlBuild({ index: 'src/index.ts', fetch: 'src/fetch/index.ts' }, { target: 'es2015' });
