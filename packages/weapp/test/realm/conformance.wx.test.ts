import { runConformance } from '@dl/conformance';
import { createWxEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from '../support/emulator-target';
import { bundleBoth, realmDownloader } from './built-weapp';

// The built package in a realm with only ECMAScript, timers, console and `wx`.
const code = await bundleBoth();
runConformance(
  await emulatorTarget('weapp (built, wx realm)', createWxEmulator, realmDownloader(code, 'wx')),
);
