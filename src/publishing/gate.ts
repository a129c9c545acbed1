/** The guardrails gate publishing uses: the workspace check, per target, with the account's voice. */
import { checkForWorkspace, type CheckingDeps } from '../checking/workspace-check.service.js';
import type { PostGate } from './publishing.deps.js';

export function createPostGate(deps: CheckingDeps): PostGate {
  return ({ access, excludeSourceIds, ...input }) =>
    checkForWorkspace(deps, access, { ...input, ...(excludeSourceIds ? { originalityExclude: excludeSourceIds } : {}) });
}
