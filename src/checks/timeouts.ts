// A fact phase that did not finish by the run's deadline: one warning under the rule of what could not be checked
// (the owning check module's unverifiable rule), naming the timeout and what to raise it to. Pure.

import type { Finding, RuleId } from '../types/index.js';

export function timedOutFinding(rule: RuleId, what: string, timeoutMs: number): Finding {
  return {
    rule,
    severity: 'warning',
    message: `Checking ${what} did not finish within the ${Math.round(timeoutMs / 1000)} s timeout; it could not be verified`,
    remediation: `Raise the timeout (timeout: ${Math.round((timeoutMs * 2) / 1000)}) or check why the endpoint is slow`,
  };
}
