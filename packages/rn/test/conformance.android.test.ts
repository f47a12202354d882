import { runEmulatedConformance } from './support/conformance-target';

await runEmulatedConformance('android');
