import { runConformance } from '@dl/conformance';
import { browserTarget } from '../support/browser-target';

// The XMLHttpRequest fallback, forced, against the same contract.
runConformance(browserTarget('xhr'));
