/// <reference types="miniprogram-api-typings" />
/**
 * QQ's `qq`, for the type tests. QQ publishes no TypeScript typings of its own (none on npm); its
 * mini-program API is WeChat's, so QQ projects type `qq` with WeChat's typings, as here.
 */
declare const qq: WechatMiniprogram.Wx;
