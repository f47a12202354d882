import type { H5Transport } from '../../src/index';

/** The transports this runtime has: both in a browser, fetch alone in Node (no XMLHttpRequest). */
export const transports: H5Transport[] = typeof XMLHttpRequest === 'function' ? ['fetch', 'xhr'] : ['fetch'];
