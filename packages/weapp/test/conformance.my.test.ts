import { runConformance } from '@dl/conformance';
import { createMyEmulator } from '@dl/weapp-emulator';
import { emulatorTarget } from './support/emulator-target';

// Alipay's shapes: apFilePath, `headers` in the headers event, { error, errorMessage } failures.
runConformance(await emulatorTarget('weapp (my emulator)', createMyEmulator));
