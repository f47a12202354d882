import { dlBuild } from '../../tsup.shared';

// The native library stays an import: it is the app's peer dependency, linked by the app. ES2015 like
// @dl/core, which it bundles with.
export default dlBuild(['src/index.ts', 'src/portable.ts'], {
  external: ['react-native-blob-util'],
  target: 'es2015',
});
