/**
 * The native side's event channel to JavaScript: delivered later, in the order sent, like events over the
 * React Native bridge (`RCTDeviceEventEmitter`).
 */
export class BridgeEvents<T extends { taskId: string }> {
  #listeners = new Set<(event: T) => void>();

  addListener(listener: (event: T) => void): { remove(): void } {
    this.#listeners.add(listener);
    return { remove: () => this.#listeners.delete(listener) };
  }

  emit(event: T): void {
    setImmediate(() => {
      for (const listener of [...this.#listeners]) listener(event);
    });
  }
}

/** Runs a native callback on the JavaScript side after the events already sent. */
export function toJs(fn: () => void): void {
  setImmediate(fn);
}
