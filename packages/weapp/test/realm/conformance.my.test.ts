import { runConformance } from '@dl/conformance';
import { createMyEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from '../support/emulator-target';
import { bundleBoth, realmDownloader } from './built-weapp';

// The built package in a realm with only ECMAScript, timers, console and Alipay's `my`.
const code = await bundleBoth();
runConformance(
  await emulatorTarget('weapp (built, my realm)', createMyEmulator, realmDownloader(code, 'my')),
);
