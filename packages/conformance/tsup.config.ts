import { dlBuild } from '../../tsup.shared';

export default dlBuild({
  index: 'src/index.ts',
  node: 'src/node/index.ts',
  realm: 'src/realm/index.ts',
  'global-setup': 'src/global-setup.ts',
});
