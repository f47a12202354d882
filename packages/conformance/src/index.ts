/**
 * The dl contract as a vitest suite. An adapter's test file calls {@link runConformance} once; every
 * clause of the contract becomes a named test, checked against a real `@dl/test-server` and read back
 * independently (saved bytes, the server's request log).
 * @packageDocumentation
 */
import { describe } from 'vitest';
import { abortClauses } from './clauses/abort';
import { badInputClauses } from './clauses/bad-input';
import { concurrencyClauses } from './clauses/concurrency';
import { failureClauses } from './clauses/failures';
import { faultClauses } from './clauses/faults';
import { filePathClauses } from './clauses/file-path';
import { listenerClauses } from './clauses/listeners';
import { orderClauses } from './clauses/order';
import { progressClauses } from './clauses/progress';
import { rejectionClauses } from './clauses/rejection';
import { requestClauses } from './clauses/request';
import { resultClauses } from './clauses/results';
import { statusClauses } from './clauses/status';
import { createContext, type SuiteContext } from './context';
import type { ConformanceTarget } from './target';

export type { SuiteContext } from './context';
export { expectContractTimeline } from './invariants';
export { type Recording, record, type TaskEvent } from './record';
export type { ConformanceTarget } from './target';

/** Every clause module, by name; `only`/`except` in {@link runConformance} pick among them. */
export const clauseModules = {
  results: resultClauses,
  badInput: badInputClauses,
  order: orderClauses,
  status: statusClauses,
  progress: progressClauses,
  abort: abortClauses,
  listeners: listenerClauses,
  rejection: rejectionClauses,
  concurrency: concurrencyClauses,
  filePath: filePathClauses,
  failures: failureClauses,
  request: requestClauses,
  faults: faultClauses,
} satisfies Record<string, (ctx: SuiteContext) => void>;

export type ClauseModule = keyof typeof clauseModules;

/** Registers the whole contract as vitest tests for one adapter. */
export function runConformance(target: ConformanceTarget, select: { only?: ClauseModule[] } = {}): void {
  const ctx = createContext(target);
  describe(`dl contract on ${target.name}`, () => {
    for (const [name, register] of Object.entries(clauseModules)) {
      if (select.only && !select.only.includes(name as ClauseModule)) continue;
      register(ctx);
    }
  });
}
