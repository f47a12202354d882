import { browserProject } from './browsers/project';

/** The adapter in headless Firefox ESR, over WebDriver BiDi (puppeteer-core). */
export default browserProject('firefox');
