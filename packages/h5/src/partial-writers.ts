/**
 * The partials an attempt is writing right now. One writer at a time: a second download handed the same
 * partial (a `resumeData` taken while its task was still stopping) waits for the first to let go, and a
 * partial the task drops while its attempt is still winding down is removed once that attempt lets go.
 */
const writers = new Map<string, Array<() => void>>();

/** Takes a partial for one attempt; false when another attempt is writing it. */
export function claimPartial(partial: string): boolean {
  if (writers.has(partial)) return false;
  writers.set(partial, []);
  return true;
}

/** The attempt is done with the partial; what waited for it runs now. */
export function releasePartial(partial: string): void {
  const waiting = writers.get(partial);
  writers.delete(partial);
  for (const next of waiting ?? []) next();
}

/** Whether an attempt is writing the partial now. */
export function isWriting(partial: string): boolean {
  return writers.has(partial);
}

/** Runs `next` once nobody writes the partial (at once when nobody does). */
export function afterRelease(partial: string, next: () => void): void {
  const waiting = writers.get(partial);
  if (waiting) waiting.push(next);
  else next();
}

/** Whether nobody writes the partial within `ms` (an attempt that is stopping lets go within moments). */
export function released(partial: string, ms: number): Promise<boolean> {
  if (!writers.has(partial)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    afterRelease(partial, () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}
