import { dlBuild } from '../../tsup.shared';

// ES2015 like @dl/weapp: uni-app's mini-program builds do not transpile node_modules. The entries share no
// code, so no shared chunk either.
export default dlBuild(
  { index: 'src/index.ts', integrity: 'src/integrity.ts' },
  { target: 'es2015', splitting: false },
);
