import { dlBuild } from '../../tsup.shared';

export default dlBuild(
  {
    index: 'src/index.ts',
    scenarios: 'src/scenarios/index.ts',
    process: 'src/process/index.ts',
    'process-child': 'src/process/child.ts',
  },
  // `process` finds its child next to itself through import.meta.url, in the CommonJS build too.
  { shims: true },
);
