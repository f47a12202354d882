import { dlBuild } from '../../tsup.shared';

// ES2015 like @dl/weapp: mini-program builds do not transpile node_modules. The entries share no code, so
// no shared chunk either.
export default dlBuild(
  {
    index: 'src/index.ts',
    rn: 'src/rn.ts',
    integrity: 'src/integrity.ts',
    'integrity-rn': 'src/integrity-rn.ts',
  },
  { target: 'es2015', external: ['@dl/rn'], splitting: false },
);
