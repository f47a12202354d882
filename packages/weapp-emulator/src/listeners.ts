import { callLogged } from './callbacks';

/** A platform task's listeners of one kind: `on(fn)` adds, `off(fn)` removes, `off()` removes all. */
export class Listeners<T> {
  #set = new Set<(value: T) => void>();

  on(fn: (value: T) => void): void {
    if (typeof fn === 'function') this.#set.add(fn);
  }

  off(fn?: (value: T) => void): void {
    if (fn === undefined) this.#set.clear();
    else this.#set.delete(fn);
  }

  clear(): void {
    this.#set.clear();
  }

  emit(value: T): void {
    for (const fn of [...this.#set]) callLogged(fn, value);
  }
}
