// eslint-scope ships no types; the little of it the bundle check uses.
declare module 'eslint-scope' {
  import type { Node } from 'acorn';

  export interface Reference {
    identifier: { name: string; start: number; end: number };
  }
  export interface Scope {
    /** References this scope could not resolve: at the global scope, the program's free identifiers. */
    through: Reference[];
  }
  export interface ScopeManager {
    globalScope: Scope | null;
  }
  export function analyze(
    ast: Node,
    options?: { ecmaVersion?: number; sourceType?: 'script' | 'module' | 'commonjs' },
  ): ScopeManager;
}
