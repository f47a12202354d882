import { dlBuild } from '../../tsup.shared';

// ES2015 like @dl/weapp: mini-program builds do not transpile node_modules.
export default dlBuild(
  { index: 'src/index.ts', rn: 'src/rn.ts' },
  { target: 'es2015', external: ['@dl/rn'] },
);
