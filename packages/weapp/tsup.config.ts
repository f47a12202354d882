import { dlBuild } from '../../tsup.shared';

// ES2015: mini-program frameworks (Taro, uni-app) do not transpile node_modules. `integrity` is its own
// entry so apps that never check integrity do not carry the hashing code; the two share no code, so no
// shared chunk either.
export default dlBuild(['src/index.ts', 'src/integrity.ts'], { target: 'es2015', splitting: false });
