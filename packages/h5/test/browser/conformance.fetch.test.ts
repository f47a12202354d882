import { runConformance } from '@dl/conformance';
import { browserTarget } from '../support/browser-target';

runConformance(browserTarget('fetch'));
