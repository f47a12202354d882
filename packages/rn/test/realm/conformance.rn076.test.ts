import { runEmulatedConformance } from '../support/conformance-target';
import { realmDownloaderOver } from './built-rn';

// The built package in a realm with React Native 0.76's own URL (and no AbortController, queueMicrotask,
// fetch or other web global), over the native module's emulator on Android and on iOS.
const downloaderOver = await realmDownloaderOver('0.76');
const label = ', built, React Native 0.76 URL realm';
await runEmulatedConformance('android', { downloaderOver, label });
await runEmulatedConformance('ios', { downloaderOver, label });
