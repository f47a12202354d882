import { runConformance } from '@dl/conformance';
import { createMyEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from '../support/emulator-target';
import { bundleWeapp, realmDownloader } from './built-weapp';

// The built package in a realm with only ECMAScript, timers, console and Alipay's `my`.
const code = await bundleWeapp();
runConformance(
  await emulatorTarget('weapp (built, my realm)', createMyEmulator, realmDownloader(code, 'my')),
);
