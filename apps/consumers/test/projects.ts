import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const WORKSPACE = join(dirname(fileURLToPath(import.meta.url)), '../../..');
export const FIXTURES = join(WORKSPACE, 'apps/consumers/fixtures');

/**
 * The fresh projects (each a copy of `fixtures/<name>`) and the packages installed into each from the
 * tarballs: the one they use and every @dl package it depends on.
 */
export const PROJECTS = {
  /** Node ESM and CJS, and strict TypeScript with node16 and bundler resolution. */
  'node-app': ['@dl/node', '@dl/core', '@dl/types'],
  /** A mini-program: its bundler takes @dl/weapp; the emulator stands for `wx` in the test. */
  'weapp-app': ['@dl/weapp', '@dl/core', '@dl/types', '@dl/weapp-emulator'],
  /** A React Native app's dependencies without react-native-blob-util, loaded in Node. */
  'rn-app': ['@dl/rn', '@dl/core', '@dl/types'],
  /** A web page built with Vite, opened in Chromium. */
  'h5-app': ['@dl/h5', '@dl/core', '@dl/types'],
} as const;

export type ProjectName = keyof typeof PROJECTS;

/**
 * The environment for everything run in a consumer project: without NODE_PATH, which pnpm sets for the
 * scripts it runs (to the workspace's `node_modules/.pnpm/node_modules`) and which would lend the
 * workspace's packages to a project that must have only what it installed.
 */
export function consumerEnv(): NodeJS.ProcessEnv {
  const { NODE_PATH: _workspacePackages, ...env } = process.env;
  return env;
}
