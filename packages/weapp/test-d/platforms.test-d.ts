/// <reference types="miniprogram-api-typings" />
/// <reference types="@mini-types/alipay" />
/// <reference types="@douyin-microapp/typings" />
/**
 * `createDownloader` takes each platform object as that platform's own typings declare it, with no cast:
 * WeChat's `wx` (miniprogram-api-typings), Alipay's `my` (@mini-types/alipay), Douyin's `tt`
 * (@douyin-microapp/typings), Baidu's `swan` and QQ's `qq` (see swan.d.ts and qq.d.ts: neither publishes
 * typings).
 */
import { createDownloader, type MiniProgramPlatform } from '@dl/weapp';
import { sha2 } from '@dl/weapp/integrity';
import { assignable } from './helpers';

createDownloader({ platform: wx });
createDownloader({ platform: my });
createDownloader({ platform: tt });
createDownloader({ platform: swan });
createDownloader({ platform: qq });
createDownloader({ platform: wx, maxConcurrent: 5 });
createDownloader({ platform: wx, hasher: sha2 });
createDownloader({ platform: my, hasher: sha2 });
// @ts-expect-error: a hasher hashes bytes into a base64 digest
createDownloader({ platform: wx, hasher: { create: () => ({ update() {} }) } });

assignable<MiniProgramPlatform>(wx);
assignable<MiniProgramPlatform>(my);
assignable<MiniProgramPlatform>(tt);
assignable<MiniProgramPlatform>(swan);
assignable<MiniProgramPlatform>(qq);

// Each platform's own file-system manager fits too (the adapter moves and measures files with it).
assignable<ReturnType<NonNullable<MiniProgramPlatform['getFileSystemManager']>>>(wx.getFileSystemManager());
assignable<ReturnType<NonNullable<MiniProgramPlatform['getFileSystemManager']>>>(my.getFileSystemManager());
assignable<ReturnType<NonNullable<MiniProgramPlatform['getFileSystemManager']>>>(tt.getFileSystemManager());

// @ts-expect-error: an object without downloadFile is no platform
createDownloader({ platform: { request() {} } });
