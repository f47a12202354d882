/**
 * Why a platform call failed, before a flavour (WeChat or Alipay) spells it. Each kind is one row of the
 * platform's error table.
 */
export type FailureKind =
  | 'invalid-url'
  | 'url-scheme'
  | 'too-many-tasks'
  | 'too-many-redirects'
  | 'connect'
  | 'interrupted'
  | 'timeout'
  | 'abort'
  | 'file-system'
  | 'no-such-directory'
  | 'too-large';

export class PlatformFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly reason: string,
  ) {
    super(reason);
  }
}

/** Whatever a download threw, as a platform failure: anything unexpected is a file-system one. */
export function toFailure(error: unknown): PlatformFailure {
  if (error instanceof PlatformFailure) return error;
  return new PlatformFailure('file-system', error instanceof Error ? error.message : String(error));
}

/**
 * WeChat's errno for each kind (the "Errno 错误码" table: 6000xx network, 6033xx download file system;
 * 5 is the general API timeout). `abort` carries none.
 */
export const WX_ERRNO: Record<FailureKind, number | undefined> = {
  'invalid-url': 600009,
  'url-scheme': 600005,
  'too-many-tasks': 600007,
  'too-many-redirects': 600008,
  connect: 600001,
  interrupted: 600003,
  timeout: 5,
  abort: undefined,
  'file-system': 603300,
  'no-such-directory': 603303,
  'too-large': 603301,
};

/**
 * Alipay's numeric `error` for each kind: 2 bad parameter, 12 network error, 13 timeout,
 * 20 request stopped / throttled. Alipay reports file-path problems as bad parameters.
 */
export const MY_ERROR: Record<FailureKind, number> = {
  'invalid-url': 2,
  'url-scheme': 2,
  'too-many-tasks': 20,
  'too-many-redirects': 12,
  connect: 12,
  interrupted: 12,
  timeout: 13,
  abort: 20,
  'file-system': 2,
  'no-such-directory': 2,
  'too-large': 2,
};

/** A Node file-system error as WeChat's file-system errno (1300xxx) and reason. */
export function fileSystemErrno(error: unknown): { errno: number; reason: string } {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return { errno: 1300002, reason: 'no such file or directory' };
    case 'EACCES':
    case 'EPERM':
      return { errno: 1300013, reason: 'permission denied' };
    case 'EEXIST':
      return { errno: 1301005, reason: 'file already exists' };
    case 'ENOTDIR':
      return { errno: 1300020, reason: 'not a directory' };
    case 'EISDIR':
      return { errno: 1300021, reason: 'is a directory' };
    case 'EINVAL':
      return { errno: 1300022, reason: 'invalid argument' };
    case 'ENOTEMPTY':
      return { errno: 1300066, reason: 'directory not empty' };
    default:
      return { errno: 1300201, reason: `system error${code ? ` ${code}` : ''}` };
  }
}
