import { browserProject } from './browsers/project';

/** The adapter in headless Chromium, driven by Playwright. */
export default browserProject('chromium');
