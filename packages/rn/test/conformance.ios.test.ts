import { runEmulatedConformance } from './support/conformance-target';

// The same suite on the emulator's iOS mode: NSURLSession's header casing, one state event, its error
// messages and progress cadence (test/emulator/README.md).
await runEmulatedConformance('ios');
