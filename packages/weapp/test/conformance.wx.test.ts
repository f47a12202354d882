import { runConformance } from '@dl/conformance';
import { createWxEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from './support/emulator-target';

// A client that reports bytes for bodies without a Content-Length (see the emulator's
// `progressWithoutLength`), so the contract's unknown-size progress can be proved end to end.
runConformance(
  await emulatorTarget('weapp (wx emulator)', createWxEmulator, { progressWithoutLength: 'bytes' }),
);
