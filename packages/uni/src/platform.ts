import type { MiniProgramPlatform } from '@dl/weapp';

// uni-app replaces `process.env.UNI_PLATFORM` with the build's target; a bundler that does not is not a
// uni-app build.
declare const process: { env: { UNI_PLATFORM?: string } };

// Each mini-program runtime's platform object. `typeof` finds a lexical global too, and never throws.
declare const wx: unknown;
declare const my: unknown;
declare const tt: unknown;
declare const swan: unknown;
declare const qq: unknown;
declare const jd: unknown;
declare const ks: unknown;
declare const xhs: unknown;
declare const has: unknown;

/**
 * The platform object of the build's mini-program target, as uni-app itself picks it for each
 * (its compilers' `global`): undefined on other targets, and where the object is missing, so that
 * @dl/weapp looks for one (`wx`, `qq`, `tt`, `swan`, `my`) when a download starts. Every condition
 * compares the literal uni-app puts in its place, so the build keeps only its own line.
 */
export function buildPlatform(): MiniProgramPlatform | undefined {
  const found =
    process.env.UNI_PLATFORM === 'mp-weixin'
      ? typeof wx !== 'undefined' && wx
      : process.env.UNI_PLATFORM === 'mp-alipay'
        ? typeof my !== 'undefined' && my
        : process.env.UNI_PLATFORM === 'mp-toutiao' || process.env.UNI_PLATFORM === 'mp-lark'
          ? typeof tt !== 'undefined' && tt
          : process.env.UNI_PLATFORM === 'mp-baidu'
            ? typeof swan !== 'undefined' && swan
            : process.env.UNI_PLATFORM === 'mp-qq'
              ? typeof qq !== 'undefined' && qq
              : process.env.UNI_PLATFORM === 'mp-jd'
                ? typeof jd !== 'undefined' && jd
                : process.env.UNI_PLATFORM === 'mp-kuaishou'
                  ? typeof ks !== 'undefined' && ks
                  : process.env.UNI_PLATFORM === 'mp-xhs'
                    ? typeof xhs !== 'undefined' && xhs
                    : process.env.UNI_PLATFORM === 'mp-harmony'
                      ? typeof has !== 'undefined' && has
                      : undefined;
  return (found || undefined) as MiniProgramPlatform | undefined;
}

/**
 * What App builds download with: nothing. uni-app's App `downloadFile` is not `wx`-shaped enough for
 * @dl/weapp to keep the contract: its task's `onHeadersReceived` throws "Method not implemented", it
 * ignores `filePath` (files always land in its own temporary folder) and it reports no response headers.
 * Every download fails with this reason instead of half working.
 */
export const APP_UNSUPPORTED =
  'downloadFile:fail @dl/uni does not support uni-app App builds: use uni.downloadFile there';

export const unsupportedPlatform: MiniProgramPlatform = {
  downloadFile(options) {
    options.fail?.({ errMsg: APP_UNSUPPORTED });
    return undefined;
  },
};
