import { browserProject } from './browsers/project';

/** The adapter in WebKitGTK's MiniBrowser (WebKitWebDriver), drawing into an Xvfb display of its own. */
export default browserProject('webkit');
