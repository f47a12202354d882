import { dlBuild } from '../../tsup.shared';

// ES2015 like @dl/weapp: uni-app's mini-program builds do not transpile node_modules.
export default dlBuild({ index: 'src/index.ts' }, { target: 'es2015' });
