import { dlBuild } from '../../tsup.shared';

export default dlBuild({ index: 'src/index.ts', scenarios: 'src/scenarios/index.ts' });
