import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/errors';
import { connectErrors, connectInput, connectProblems, emptyConnectValues } from './connect-form';

const values = (overrides: Partial<ReturnType<typeof emptyConnectValues>>) => ({
  ...emptyConnectValues(),
  ...overrides,
});

describe('connect an account', () => {
  it('sends Bluesky credentials without the default server, the handle without its @', () => {
    expect(
      connectInput(
        'bluesky',
        values({ handle: ' @maison.bsky.social ', appPassword: 'abcd-efgh-ijkl-mnop' }),
      ),
    ).toEqual({
      network: 'bluesky',
      credentials: { handle: 'maison.bsky.social', appPassword: 'abcd-efgh-ijkl-mnop' },
    });
    expect(
      connectInput(
        'bluesky',
        values({ handle: 'a.test', appPassword: 'abcd-efgh-ijkl-mnop', service: 'http://localhost:2583' }),
      ).credentials,
    ).toMatchObject({ service: 'http://localhost:2583' });
    expect(
      connectInput('mastodon', values({ instanceUrl: 'mastodon.social ', accessToken: ' tok ' })),
    ).toEqual({
      network: 'mastodon',
      credentials: { instanceUrl: 'mastodon.social', accessToken: 'tok' },
    });
  });

  it('asks for an app password, not the account password', () => {
    expect(
      connectProblems('bluesky', values({ handle: 'a.test', appPassword: 'my secret password' })),
    ).toEqual({ appPassword: 'appPassword' });
    expect(connectProblems('bluesky', values({}))).toEqual({ handle: 'required', appPassword: 'required' });
    expect(connectProblems('webhook', values({ url: 'https://hooks.test/x', secret: 'short' }))).toEqual({
      secret: 'secretLength',
    });
    expect(connectProblems('mastodon', values({ instanceUrl: 'a', accessToken: 'b' }))).toEqual({});
  });

  it('puts the server’s field errors by their fields and the network’s refusal above', () => {
    const refused = new ApiError(
      400,
      'validation_failed',
      'credentials: Bluesky refused…',
      [{ path: 'credentials', message: 'Bluesky refused these credentials: Invalid identifier or password' }],
      true,
    );
    expect(connectErrors(refused)).toEqual({
      fields: {},
      general: 'Bluesky refused these credentials: Invalid identifier or password',
    });
    const invalid = new ApiError(
      400,
      'validation_failed',
      'bad',
      [{ path: 'credentials.instanceUrl', message: 'the http(s) address' }],
      true,
    );
    expect(connectErrors(invalid)).toEqual({ fields: { instanceUrl: 'the http(s) address' }, general: null });
    expect(
      connectErrors(new ApiError(502, 'network_unavailable', 'Bluesky did not answer', [], true)).general,
    ).toBe('Bluesky did not answer');
  });
});
