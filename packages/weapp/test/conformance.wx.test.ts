import { runConformance } from '@dl/conformance';
import { createWxEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from './support/emulator-target';

// The emulator as WeChat documents it: among other things, no progress events for a body without a
// Content-Length (the adapter's manifest says so, and the suite skips the clause that needs them).
runConformance(await emulatorTarget('weapp (wx emulator)', createWxEmulator));
