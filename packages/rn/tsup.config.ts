import { dlBuild } from '../../tsup.shared';

// The native library stays an import: it is the app's peer dependency, linked by the app.
export default dlBuild(['src/index.ts', 'src/portable.ts'], { external: ['react-native-blob-util'] });
