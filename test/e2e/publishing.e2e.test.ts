/**
 * Publishing in the browser, end to end, against a REAL local Bluesky network (PLC + PDS from
 * @atproto/dev-env) and the built app: the owner asks for approval of editors' posts and connects a
 * Bluesky account in Settings › Accounts, invites an editor; the editor writes a post and submits
 * it; the owner approves it and publishes it now; the server's own queue publishes it; the composer
 * and the calendar show its link, and the record is on the PDS.
 * English only: the French dictionary takes seconds to load.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBlueskyNetwork, type BlueskyTestNetwork, type TestAccount } from '../bluesky-network.js';
import { launchChromium } from './browser.js';
import { setUpOwnerInBrowser } from './setup-owner.js';
import { startHearth, type RunningHearth } from './server.js';

const TEXT = 'Spring is here. Come and see our new lamps in the shop this week.';
const SHORT_TEXT = 'Lamps, lamps and more lamps.';
const LONG_TEXT =
  `${SHORT_TEXT} ${'Our workshop made every one of them by hand this winter. '.repeat(6)}`.trim();
const TIME_ZONE = 'Europe/Paris';

/** `2026-11-27 09:30`: an instant as the wall clock in Paris shows it. */
const parisWallTime = (iso: string): string =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, dateStyle: 'short', timeStyle: 'short' }).format(
    new Date(iso),
  );

/** `Friday, November 27, 2026`: how the calendar names a day cell. */
const fullDate = (day: string): string =>
  new Intl.DateTimeFormat('en-US', { dateStyle: 'full', timeZone: 'UTC' }).format(
    new Date(`${day}T12:00:00Z`),
  );

/** Two consecutive days in the future, in one month (so that one month view shows both). */
function futureDays(): { first: string; second: string } {
  const day = (offset: number): string =>
    parisWallTime(new Date(Date.now() + offset * 86_400_000).toISOString()).slice(0, 10);
  return day(1).slice(0, 7) === day(2).slice(0, 7)
    ? { first: day(1), second: day(2) }
    : { first: day(2), second: day(3) };
}
const days = futureDays();

describe('publishing in the browser', () => {
  let network: BlueskyTestNetwork;
  let bluesky: TestAccount;
  let hearth: RunningHearth;
  let browser: Browser;
  let owner: Page;
  let editor: Page;
  let workspaceId = '';
  let invitationUrl = '';
  let postUrl = '';
  /** The composer's page of the post the owner schedules. */
  let postPath = '';

  /** That post, as the API has it. */
  const readPost = async (): Promise<{ status: string; publishAt: string }> => {
    const postId = postPath.split('/').pop() ?? '';
    const response = await owner.request.get(`/api/v1/workspaces/${workspaceId}/posts/${postId}`);
    return (await response.json()) as { status: string; publishAt: string };
  };

  const newPage = async (): Promise<Page> => {
    const context = await browser.newContext({ locale: 'en-US', timezoneId: TIME_ZONE, baseURL: hearth.url });
    const page = await context.newPage();
    page.setDefaultTimeout(15_000);
    return page;
  };

  beforeAll(async () => {
    [network, hearth, browser] = await Promise.all([
      startBlueskyNetwork(),
      // The PDS listens on loopback, which Hearth refuses to reach unless told to.
      startHearth({ env: { HEARTH_ALLOW_PRIVATE_NETWORKS: 'true' } }),
      launchChromium(),
    ]);
    bluesky = await network.createAccount('maison');
    owner = await newPage();
    workspaceId = await setUpOwnerInBrowser(owner);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
    await network?.close();
  });

  it('lets the owner require approval for editors’ posts', async () => {
    await owner.goto(`/w/${workspaceId}/settings/workspace`);
    await owner.getByRole('switch', { name: 'Editors’ posts need a manager’s approval' }).check();
    await owner.getByText('Editors’ posts now need approval').waitFor();
    const workspace = await owner.request.get(`/api/v1/workspaces/${workspaceId}`);
    expect(((await workspace.json()) as { approvalPolicy: string }).approvalPolicy).toBe('editors');
  });

  it('connects the Bluesky account in Settings › Accounts, after refusing the account password', async () => {
    await owner.goto(`/w/${workspaceId}/settings/workspace`);
    await owner.getByRole('tab', { name: 'Accounts', exact: true }).click();
    await owner.waitForURL('**/settings/accounts');
    await owner.getByText('No account connected yet.', { exact: false }).waitFor();
    await owner.getByRole('button', { name: 'Connect an account' }).click();
    await owner.getByRole('menuitem', { name: 'Bluesky' }).click();
    const dialog = owner.getByRole('dialog', { name: 'Connect a Bluesky account' });
    await dialog.getByLabel('Handle', { exact: true }).fill(bluesky.handle);
    await dialog.getByLabel('App password', { exact: true }).fill(bluesky.password);
    await dialog.getByLabel('Server (PDS)', { exact: true }).fill(network.service);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await dialog.getByText(/An app password looks like xxxx-xxxx-xxxx-xxxx/).waitFor();

    await dialog.getByLabel('App password', { exact: true }).fill(bluesky.appPassword);
    await dialog.getByRole('button', { name: 'Connect', exact: true }).click();
    await owner.getByText(`${bluesky.handle} connected`).waitFor();
    const card = owner.getByRole('listitem', { name: bluesky.handle });
    await card.getByTestId('account-health').getByText('Working').waitFor();
    await card.getByRole('button', { name: 'Check now' }).click();
    await card.getByText(/checked/).waitFor();
  });

  it('invites an editor, who joins', async () => {
    await owner.goto(`/w/${workspaceId}/settings/members`);
    await owner.getByLabel('E-mail', { exact: true }).fill('eddie@brand.test');
    await owner.getByRole('combobox', { name: 'Role', exact: true }).click();
    await owner.getByRole('option', { name: 'Editor' }).click();
    await owner.getByRole('button', { name: 'Invite', exact: true }).click();
    invitationUrl = (await owner.getByTestId('invitation-url').textContent())?.trim() ?? '';

    editor = await newPage();
    await editor.goto(invitationUrl);
    await editor.getByLabel('Your name', { exact: true }).fill('Eddie Rédacteur');
    await editor.getByLabel('Password', { exact: true }).fill('another good password');
    await editor.getByRole('button', { name: 'Create my account and join' }).click();
    await editor.waitForURL(`**/w/${workspaceId}/**`);
  });

  it('has the editor write the post, autosaved, and submit it for review', async () => {
    await editor.goto(`/w/${workspaceId}/publish`);
    await editor.getByRole('heading', { name: 'New post' }).waitFor();
    await editor.getByRole('radiogroup', { name: 'Language' }).getByText('English', { exact: true }).click();
    await editor.getByLabel('Text', { exact: true }).fill(TEXT);
    await editor.getByRole('checkbox', { name: bluesky.handle }).check();
    // The preview counts as Bluesky does: graphemes, out of 300.
    const preview = editor.getByTestId('preview-bluesky');
    await preview.getByText(TEXT).waitFor();
    expect(await preview.getByTestId('character-count').textContent()).toBe(`${TEXT.length} / 300`);
    await editor.getByTestId('verdict').getByText('Ready to publish').waitFor();
    await editor.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    await editor.waitForURL(/\/publish\/[^/]+$/);
    // Editors under approval cannot schedule: they submit.
    const actions = editor.getByRole('group', { name: 'Actions' });
    expect(await actions.getByRole('button', { name: 'Publish now' }).count()).toBe(0);
    await actions.getByRole('button', { name: 'Submit for review' }).click();
    await editor.getByTestId('post-status').getByText('In review').waitFor();
  });

  it('has the owner approve it and publish it now; the server’s queue publishes it', async () => {
    await owner.goto(`/w/${workspaceId}/publish`);
    await owner.getByRole('tab', { name: /Review/ }).click();
    await owner.waitForURL('**/publish/review');
    const item = owner.getByRole('listitem').filter({ hasText: 'by Eddie Rédacteur' });
    await item.getByRole('link', { name: TEXT }).click();
    await owner.getByTestId('post-status').getByText('In review').waitFor();

    const actions = owner.getByRole('group', { name: 'Actions' });
    await actions.getByRole('button', { name: 'Approve' }).click();
    const approve = owner.getByRole('dialog', { name: 'Approve this post' });
    await approve.getByLabel('Comment (optional)', { exact: true }).fill('Lovely, thanks!');
    await approve.getByRole('button', { name: 'Approve' }).click();
    await owner.getByTestId('post-status').getByText('Approved').waitFor();

    await actions.getByRole('button', { name: 'Publish now' }).click();
    const confirm = owner.getByRole('dialog', { name: 'Publish now?' });
    await confirm.getByText(bluesky.handle).waitFor();
    await confirm.getByRole('button', { name: 'Publish now' }).click();
    // Scheduled for now: the queue picks it up, the composer reads it again until it is out.
    await owner.getByTestId('post-status').getByText('Published').waitFor({ timeout: 45_000 });
    const link = owner.getByRole('link', { name: `View on Bluesky (${bluesky.handle})` });
    postUrl = (await link.getAttribute('href')) ?? '';
    expect(postUrl).toMatch(new RegExp(`^https://bsky\\.app/profile/${bluesky.did}/post/[a-z0-9]+$`));
  });

  it('schedules a post in the workspace’s time zone and moves it to the next day in the calendar, keeping its time', async () => {
    await owner.goto(`/w/${workspaceId}/publish`);
    await owner.getByRole('radiogroup', { name: 'Language' }).getByText('English', { exact: true }).click();
    await owner.getByLabel('Text', { exact: true }).fill(SHORT_TEXT);
    await owner.getByRole('checkbox', { name: bluesky.handle }).check();
    await owner.getByLabel('Publish time', { exact: true }).fill(`${days.first}T09:30`);
    await owner.getByTestId('save-state').getByText('Saved', { exact: true }).waitFor();
    await owner.getByRole('button', { name: /^Schedule for / }).click();
    await owner.getByTestId('post-status').getByText('Scheduled').waitFor();
    postPath = new URL(owner.url()).pathname;
    expect(parisWallTime((await readPost()).publishAt)).toBe(`${days.first} 09:30`);

    await owner.goto(`/w/${workspaceId}/publish/calendar?view=month&day=${days.first}`);
    const target = owner.getByRole('group', { name: fullDate(days.second) });
    await owner.getByTestId('calendar-post').filter({ hasText: SHORT_TEXT }).dragTo(target);
    await owner.getByText(/^Moved to /).waitFor();
    await target.getByTestId('calendar-post').filter({ hasText: SHORT_TEXT }).waitFor();
    const moved = await readPost();
    expect(moved.status).toBe('scheduled');
    expect(parisWallTime(moved.publishAt)).toBe(`${days.second} 09:30`);
  });

  it('unschedules the post when an edit makes the guardrails block it, until a manager overrides with a reason', async () => {
    await owner.goto(postPath);
    await owner.getByTestId('post-status').getByText('Scheduled').waitFor();
    await owner.getByLabel('Text', { exact: true }).fill(LONG_TEXT);
    const count = owner.getByTestId('preview-bluesky').getByTestId('character-count');
    await count.getByText(`${[...LONG_TEXT].length} / 300`).waitFor();
    // The autosave sends the edit; the server checks it again, and the block takes it out of the schedule.
    await owner.getByRole('alert').filter({ hasText: 'No longer scheduled' }).getByText(/300/).waitFor();
    await owner.getByTestId('post-status').getByText('Draft').waitFor();

    await owner.getByRole('button', { name: /^Schedule for / }).click();
    const block = owner.getByRole('alert').filter({ hasText: 'The guardrails block this post' });
    await block.getByText(/300/).first().waitFor();
    await block.getByRole('button', { name: 'Override with a reason' }).click();
    await block.getByLabel('Why publish it anyway?').fill('Thread intro: the network cuts it, on purpose');
    await block.getByRole('button', { name: 'Override and go on' }).click();
    await owner.getByTestId('post-status').getByText('Scheduled').waitFor();
    await owner.getByText('Scheduled despite a block, because:').waitFor();
    const audit = (await (await owner.request.get(`/api/v1/workspaces/${workspaceId}/audit`)).json()) as {
      entries: { action: string }[];
    };
    expect(audit.entries.map((entry) => entry.action)).toContain('post.guardrails_overridden');
  });

  it('cancels the scheduled post', async () => {
    await owner.getByRole('button', { name: 'Cancel the post' }).click();
    await owner
      .getByRole('dialog', { name: 'Cancel this post' })
      .getByRole('button', { name: 'Cancel the post' })
      .click();
    await owner.getByTestId('post-status').getByText('Cancelled').waitFor();
    expect((await readPost()).status).toBe('cancelled');
  });

  it('shows the published post and its link in the calendar, and the record is on the PDS', async () => {
    await owner.goto(`/w/${workspaceId}/publish/calendar`);
    const chip = owner.getByTestId('calendar-post').filter({ hasText: 'Spring is here.' });
    await chip.waitFor();
    expect(await chip.getAttribute('data-status')).toBe('published');
    expect(
      await chip.getByRole('link', { name: `View on Bluesky (${bluesky.handle})` }).getAttribute('href'),
    ).toBe(postUrl);

    await owner.getByRole('radiogroup', { name: 'View' }).getByText('List', { exact: true }).click();
    await owner
      .getByTestId('calendar-post')
      .getByRole('link', { name: `View on Bluesky (${bluesky.handle})` })
      .waitFor();

    const records = await bluesky.agent.com.atproto.repo.listRecords({
      repo: bluesky.did,
      collection: 'app.bsky.feed.post',
    });
    expect(records.data.records.map((record) => (record.value as { text?: string }).text)).toEqual([TEXT]);
    expect(postUrl.endsWith(`/post/${records.data.records[0]?.uri.split('/').pop() ?? '?'}`)).toBe(true);
  });
});
