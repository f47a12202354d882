// The app's TypeScript files import its single-file components; Vite (through uni-app) compiles them.
declare module '*.vue' {
  import type { DefineComponent } from 'vue';

  const component: DefineComponent;
  export default component;
}
