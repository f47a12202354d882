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
import { integrityClauses } from './clauses/integrity';
import { listenerClauses } from './clauses/listeners';
import { maxBytesClauses } from './clauses/max-bytes';
import { orderClauses } from './clauses/order';
import { pauseResumeClauses } from './clauses/pause-resume';
import { progressClauses } from './clauses/progress';
import { progressOptionClauses } from './clauses/progress-options';
import { rejectionClauses } from './clauses/rejection';
import { requestClauses } from './clauses/request';
import { resultClauses } from './clauses/results';
import { retryClauses } from './clauses/retry';
import { statusClauses } from './clauses/status';
import { createContext, type SuiteContext } from './context';
import type { ConformanceTarget } from './target';

export type { SuiteContext } from './context';
export {
  type BooleanCapability,
  CLAUSE_META,
  type ClauseMeta,
  capabilityRows,
  type Feature,
  features,
} from './features';
export { expectContractTimeline } from './invariants';
export { objectUrlAlive } from './object-url';
export { type Recording, record, type TaskEvent } from './record';
export {
  type ClauseOutcome,
  diffSupportTables,
  renderSupportTable,
  type SupportTable,
  supportTable,
} from './support-table';
export type { ConformanceTarget } from './target';
export { testServerUrl } from './test-server-url';

/**
 * Every clause module, with the section of docs/contract.md it proves: a failing test's title names it
 * (`dl contract on node > contract: behaviour 5 > abort > …`).
 */
export const clauseModules = {
  results: { section: 'Results', register: resultClauses },
  badInput: { section: 'behaviour 10', register: badInputClauses },
  order: { section: 'behaviours 1-2', register: orderClauses },
  status: { section: 'behaviour 3', register: statusClauses },
  progress: { section: 'behaviour 4', register: progressClauses },
  abort: { section: 'behaviour 5', register: abortClauses },
  listeners: { section: 'behaviour 6', register: listenerClauses },
  rejection: { section: 'behaviour 7', register: rejectionClauses },
  concurrency: { section: 'behaviour 8', register: concurrencyClauses },
  filePath: { section: 'behaviour 9', register: filePathClauses },
  failures: { section: 'Results (error codes)', register: failureClauses },
  request: { section: 'behaviours 10-11', register: requestClauses },
  faults: { section: 'behaviour 12', register: faultClauses },
  retry: { section: 'behaviour 14', register: retryClauses },
  pauseResume: { section: 'behaviour 15', register: pauseResumeClauses },
  integrity: { section: 'behaviour 16', register: integrityClauses },
  maxBytes: { section: 'behaviour 17', register: maxBytesClauses },
  progressOptions: { section: 'behaviour 18', register: progressOptionClauses },
} satisfies Record<string, { section: string; register: (ctx: SuiteContext) => void }>;

/** Registers the whole contract as vitest tests for one adapter. */
export function runConformance(target: ConformanceTarget): void {
  const ctx = createContext(target);
  describe(`dl contract on ${target.name}`, () => {
    for (const { section, register } of Object.values(clauseModules)) {
      describe(`contract: ${section}`, () => register(ctx));
    }
  });
}
