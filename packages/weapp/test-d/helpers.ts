/**
 * Compile-time assertions for the type tests: each file here is checked by `tsc -b` (`pnpm typecheck`),
 * so a broken assertion fails CI. Nothing here runs.
 */

/** `true` when `A` and `B` are the same type (not merely assignable either way). */
export type Equal<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

/** Compiles only when `_T` is `true`. */
export function assertType<_T extends true>(): void {}

/** Compiles only when `value` is assignable to `T`: `assignable<Target>(value)`. */
export function assignable<T>(_value: T): void {}

/** A value of type `T`, for assertions that need one (never called at run time). */
export declare function some<T>(): T;
