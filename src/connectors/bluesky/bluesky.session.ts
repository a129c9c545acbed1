/**
 * One logged-in Bluesky session per Connection: the first call logs in (createSession, which the
 * network rate-limits to about 30 per 5 minutes and 300 a day per account: keep the Connection),
 * later calls reuse it. The agent refreshes an expired access token by itself; when the refresh
 * token is refused too, the call logs in again once and is retried (a 401 means nothing was done).
 */
import { AtpAgent, XRPCError } from '@atproto/api';
import type { ConnectorContext } from '../types.js';
import type { BlueskyCredentials } from './bluesky.credentials.js';
import { boundedFetch } from './bounded-fetch.js';
import { toConnectorError, type CallEffect } from './errors.js';

export interface SignedIn {
  agent: AtpAgent;
  /** The account's DID: the repository every write goes to. */
  did: string;
  handle: string;
}

export class BlueskySession {
  private readonly agent: AtpAgent;
  private signingIn: Promise<SignedIn> | undefined;

  constructor(
    private readonly credentials: BlueskyCredentials,
    private readonly context: ConnectorContext,
  ) {
    this.agent = new AtpAgent({
      service: credentials.service,
      fetch: boundedFetch(context.fetch, context.timeoutMs),
    });
  }

  /**
   * Runs `work` signed in; its failures become ConnectorErrors (`effect` says whether a failure
   * after sending may have created something).
   */
  async run<T>(effect: CallEffect, work: (session: SignedIn) => Promise<T>): Promise<T> {
    try {
      const signingIn = this.signIn();
      const session = await signingIn;
      try {
        return await work(session);
      } catch (error) {
        if (!isSessionRefused(error)) {
          throw error;
        }
        if (this.signingIn === signingIn) {
          this.signingIn = undefined; // concurrent calls refused together share one new sign-in
        }
        return await work(await this.signIn());
      }
    } catch (error) {
      throw toConnectorError(error, effect, this.context.now());
    }
  }

  private signIn(): Promise<SignedIn> {
    if (this.signingIn === undefined) {
      const attempt: Promise<SignedIn> = this.agent
        .login({ identifier: this.credentials.handle, password: this.credentials.appPassword })
        .then((response) => ({ agent: this.agent, did: response.data.did, handle: response.data.handle }))
        .catch((error: unknown) => {
          if (this.signingIn === attempt) {
            this.signingIn = undefined; // the next call tries again
          }
          throw error;
        });
      this.signingIn = attempt;
    }
    return this.signingIn;
  }
}

function isSessionRefused(error: unknown): boolean {
  return (
    error instanceof XRPCError &&
    ((error.status as number) === 401 || error.error === 'ExpiredToken' || error.error === 'InvalidToken')
  );
}
