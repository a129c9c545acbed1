/** Calls of the audit log endpoint, newest first, a page at a time. */
import { api, seg } from '../api/client';
import type { AuditPage } from '../api/types';

export const AUDIT_PAGE_SIZE = 50;

export function listAuditEntries(workspaceId: string, before: string | null): Promise<AuditPage> {
  const params = new URLSearchParams({ limit: String(AUDIT_PAGE_SIZE) });
  if (before !== null) {
    params.set('before', before);
  }
  return api.get<AuditPage>(`/workspaces/${seg(workspaceId)}/audit?${params.toString()}`);
}
