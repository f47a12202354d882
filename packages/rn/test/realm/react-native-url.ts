import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { build } from 'esbuild';
import flowRemoveTypes from 'flow-remove-types';

const require = createRequire(import.meta.url);

/** The React Native versions whose own `URL` the adapter is proved against (dev dependencies, aliased). */
export const REACT_NATIVE_URLS = {
  /** 0.76 (Expo SDK 52) and earlier: `URL`'s accessors throw "not implemented". */
  '0.76': 'react-native-0.76',
  /** The current release, whose accessors work by regular expressions. */
  '0.88': 'react-native-0.88',
} as const;

export type ReactNativeVersion = keyof typeof REACT_NATIVE_URLS;

/**
 * React Native's own `Libraries/Blob/URL.js` (with its URLSearchParams) as one CommonJS script: its Flow
 * types stripped, and the native blob module it asks for absent, as when no blob URL is in play.
 */
export async function reactNativeUrlScript(version: ReactNativeVersion): Promise<string> {
  const root = dirname(require.resolve(`${REACT_NATIVE_URLS[version]}/package.json`));
  const result = await build({
    entryPoints: [join(root, 'Libraries/Blob/URL.js')],
    bundle: true,
    write: false,
    format: 'cjs',
    platform: 'neutral',
    target: 'esnext',
    logLevel: 'silent',
    plugins: [
      {
        name: 'react-native-url',
        setup(builder) {
          builder.onResolve({ filter: /NativeBlobModule$/ }, () => ({
            path: 'native-blob',
            namespace: 'stub',
          }));
          builder.onLoad({ filter: /.*/, namespace: 'stub' }, () => ({ contents: 'export default null;' }));
          builder.onLoad({ filter: /\.js$/ }, async (args) => {
            const { readFile } = await import('node:fs/promises');
            const source = await readFile(args.path, 'utf8');
            return { contents: flowRemoveTypes(source, { all: true }).toString(), loader: 'js' };
          });
        },
      },
    ],
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`no URL.js bundle for React Native ${version}`);
  return output.text;
}
