import { dlBuild } from '../../tsup.shared';

// ES2015: mini-program frameworks (Taro, uni-app) do not transpile node_modules.
export default dlBuild(['src/index.ts'], { target: 'es2015' });
