/** Reading one record of the account's repository (works on a PDS alone, without an AppView). */
import { XRPCError, type AtpAgent } from '@atproto/api';

export interface StoredRecord {
  uri: string;
  cid: string;
  value: unknown;
}

/** The record, or null when the repository has none under this key. */
export async function getRecordOrNull(
  agent: AtpAgent,
  where: { repo: string; collection: string; rkey: string },
): Promise<StoredRecord | null> {
  try {
    const { data } = await agent.com.atproto.repo.getRecord(where);
    if (data.cid === undefined) {
      throw new Error(`The PDS returned ${data.uri} without its CID`);
    }
    return { uri: data.uri, cid: data.cid, value: data.value };
  } catch (error) {
    if (error instanceof XRPCError && error.error === 'RecordNotFound') {
      return null;
    }
    throw error;
  }
}
