import { callSafely } from './report-error';

/**
 * The listeners of one event kind, with the contract's on/off semantics: adding the same function twice
 * keeps one; `remove()` with no argument removes all; a removal during an emission takes effect for the
 * next event (emission walks a snapshot); a throwing listener is reported and the others still run.
 */
export class ListenerSet<T> {
  private listeners = new Set<(value: T) => void>();

  add(listener: (value: T) => void): void {
    if (typeof listener === 'function') this.listeners.add(listener);
  }

  remove(listener?: (value: T) => void): void {
    if (listener === undefined) this.listeners.clear();
    else this.listeners.delete(listener);
  }

  get size(): number {
    return this.listeners.size;
  }

  emit(value: T): void {
    for (const listener of [...this.listeners]) callSafely(listener, value);
  }
}
