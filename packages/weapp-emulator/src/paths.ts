import { randomBytes } from 'node:crypto';
import { extname, join, relative, resolve, sep } from 'node:path';

/** How a platform spells its two writable areas: temporary files and the user data directory. */
export interface PathStyle {
  /** Prefix of every temporary file path, e.g. `wxfile://` (WeChat) or `https://resource/` (Alipay). */
  tempRoot: string;
  /** Start of a temporary file's name, e.g. `tmp_` (WeChat) or `apml` (Alipay). */
  tempNamePrefix: string;
  /** The platform's `env.USER_DATA_PATH`, e.g. `wxfile://usr` (WeChat) or `https://usr` (Alipay). */
  userRoot: string;
}

export const WX_PATHS: PathStyle = {
  tempRoot: 'wxfile://',
  tempNamePrefix: 'tmp_',
  userRoot: 'wxfile://usr',
};
export const MY_PATHS: PathStyle = {
  tempRoot: 'https://resource/',
  tempNamePrefix: 'apml',
  userRoot: 'https://usr',
};

/** A platform path that names nothing the mini-program may touch. */
export class PathOutsideSandbox extends Error {
  constructor(readonly path: string) {
    super(`permission denied, ${path} is outside the mini-program's files`);
  }
}

/**
 * The emulator's file sandbox: platform paths (`wxfile://tmp_…`, `wxfile://usr/…`) on one side, the real
 * directories standing for them on the other.
 */
export class PathSpace {
  constructor(
    readonly style: PathStyle,
    /** Real directory holding temporary files. */
    readonly tempDir: string,
    /** Real directory standing for `USER_DATA_PATH`. */
    readonly userDir: string,
  ) {}

  /** A fresh temporary file, named like the platform names them, keeping the URL's extension. */
  newTempFile(url: string): { path: string; real: string } {
    let ext = '';
    try {
      ext = extname(new URL(url).pathname);
    } catch {
      // no extension for an unparsable URL
    }
    const safeExt = /^\.[A-Za-z0-9]{1,10}$/.test(ext) ? ext : '';
    const name = `${this.style.tempNamePrefix}${randomBytes(12).toString('hex')}${safeExt}`;
    return { path: `${this.style.tempRoot}${name}`, real: join(this.tempDir, name) };
  }

  /** The real path behind a platform path; throws {@link PathOutsideSandbox} for anything else. */
  resolve(path: string): string {
    const { userRoot, tempRoot, tempNamePrefix } = this.style;
    if (typeof path !== 'string') throw new PathOutsideSandbox(String(path));
    if (path === userRoot || path.startsWith(`${userRoot}/`)) {
      return this.#inside(this.userDir, path.slice(userRoot.length), path);
    }
    if (path.startsWith(tempRoot)) {
      const name = path.slice(tempRoot.length);
      if (name.startsWith(tempNamePrefix) && !name.includes('/'))
        return this.#inside(this.tempDir, name, path);
    }
    throw new PathOutsideSandbox(path);
  }

  /**
   * The real path behind a platform path the mini-program may write: under `USER_DATA_PATH` only
   * (temporary files are the platform's own); throws {@link PathOutsideSandbox} for anything else.
   */
  writable(path: string): string {
    const real = this.resolve(path);
    if (real.startsWith(this.tempDir + sep)) throw new PathOutsideSandbox(path);
    return real;
  }

  #inside(root: string, rest: string, original: string): string {
    const real = resolve(root, `.${rest.startsWith('/') ? rest : `/${rest}`}`);
    const rel = relative(root, real);
    // `wxfile://usr/../x` must not reach outside the sandbox.
    if (rel.startsWith('..') || resolve(root, rel) !== real) throw new PathOutsideSandbox(original);
    return real;
  }
}
