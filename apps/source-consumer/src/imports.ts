// Every entry of every public dl package, as a workspace app would import it.
export * as conformance from '@dl/conformance';
export * as conformanceNode from '@dl/conformance/node';
export * as conformanceRealm from '@dl/conformance/realm';
export * as core from '@dl/core';
export * as h5 from '@dl/h5';
export * as node from '@dl/node';
export * as rn from '@dl/rn';
export * as rnPortable from '@dl/rn/portable';
export * as taro from '@dl/taro';
export * as testServer from '@dl/test-server';
export * as testServerProcess from '@dl/test-server/process';
export * as testServerScenarios from '@dl/test-server/scenarios';
export * as types from '@dl/types';
export * as weapp from '@dl/weapp';
export * as weappEmulator from '@dl/weapp-emulator';
