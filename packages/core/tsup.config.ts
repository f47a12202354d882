import { dlBuild } from '../../tsup.shared';

export default dlBuild(['src/index.ts'], { target: 'es2015' });
