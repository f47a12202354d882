/// <reference types="vite/client" />

declare module 'virtual:sample-download' {
  /** A sample file on the local test server the dev server started. */
  export const sampleUrl: string;
}
