import { chooseStatus } from '../status/choose-status';
import type { RedirectStatus } from '../status/status';
import type { RedirectRule } from './types';

/** The status a rule answers with: its `status`, or the one `chooseStatus` picks for its intent. */
export function ruleStatus(rule: RedirectRule): RedirectStatus {
  if (rule.status !== undefined) return rule.status;
  return chooseStatus({
    ...(rule.permanent === undefined ? {} : { permanent: rule.permanent }),
    ...(rule.preserveMethod === undefined ? {} : { preserveMethod: rule.preserveMethod }),
  });
}

/** Whether a status tells clients and search engines the move is for good (301, 308). */
export function isPermanentStatus(status: number): boolean {
  return status === 301 || status === 308;
}
