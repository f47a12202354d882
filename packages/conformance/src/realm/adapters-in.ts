/**
 * A call only each of dl's adapters makes, to tell which adapters a bundle holds once a bundler has
 * concatenated their modules: weapp's file-system manager, h5's object URLs, rn's cache directory. An
 * entry that picks the adapter at build time (`@dl/taro`, `@dl/uni`) must leave exactly one.
 */
export const ADAPTER_MARKERS = {
  weapp: 'getFileSystemManager',
  h5: 'createObjectURL',
  rn: 'CacheDir',
} as const;

/** The adapters whose code `code` holds, by {@link ADAPTER_MARKERS}. */
export function adaptersIn(code: string): Array<keyof typeof ADAPTER_MARKERS> {
  return (Object.keys(ADAPTER_MARKERS) as Array<keyof typeof ADAPTER_MARKERS>).filter((name) =>
    code.includes(ADAPTER_MARKERS[name]),
  );
}

/** A string only dl's code has: every failure message is built from it. */
export const DL_MARKER = 'downloadFile:fail';
