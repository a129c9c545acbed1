/**
 * The foundation, end to end in Chromium against the built app: first-run setup → sign out and in →
 * a second workspace → invite a viewer (link copied from the page) → the viewer joins in French →
 * the viewer cannot reach an admin action → another workspace is refused.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from './browser.js';
import { startHearth, type RunningHearth } from './server.js';

const OWNER = { name: 'Camille Durand', email: 'camille@brand.test', password: 'correct horse battery' };

describe('foundation in the browser', () => {
  let hearth: RunningHearth;
  let browser: Browser;
  let owner: Page;
  let firstWorkspace = '';
  let secondWorkspace = '';
  let invitationUrl = '';

  beforeAll(async () => {
    hearth = await startHearth();
    browser = await launchChromium();
    owner = await (await browser.newContext({ locale: 'en-US', baseURL: hearth.url })).newPage();
    owner.setDefaultTimeout(10_000);
  });
  afterAll(async () => {
    await browser?.close();
    await hearth?.stop();
  });

  const workspaceIdOf = (page: Page): string => /\/w\/([^/]+)\//.exec(new URL(page.url()).pathname)?.[1] ?? '';

  it('sends the first visitor to setup, which creates the owner and the first workspace', async () => {
    await owner.goto('/');
    await owner.waitForURL('**/setup');
    await owner.getByRole('heading', { name: 'Welcome to Hearth' }).waitFor();
    await owner.getByLabel('Your name', { exact: true }).fill(OWNER.name);
    await owner.getByLabel('E-mail', { exact: true }).fill(OWNER.email);
    await owner.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await owner.getByLabel('Workspace name', { exact: true }).fill('Maison Lumière');
    await owner.getByRole('button', { name: 'Create my account and workspace' }).click();
    await owner.waitForURL('**/w/*/today');
    firstWorkspace = workspaceIdOf(owner);
    expect(firstWorkspace).toMatch(/^[0-9a-z]{26}$/);
    for (const section of ['Today', 'Inbox', 'Publish', 'Listen', 'Community', 'Reports', 'Settings']) {
      await owner.getByRole('link', { name: section, exact: true }).waitFor();
    }
  });

  it('signs out and back in', async () => {
    await owner.getByRole('button', { name: 'Sign out' }).click();
    await owner.waitForURL('**/signin**');
    await owner.getByLabel('E-mail', { exact: true }).fill(OWNER.email);
    await owner.getByLabel('Password', { exact: true }).fill('wrong password!');
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.getByText('Wrong e-mail or password').waitFor();
    await owner.getByLabel('Password', { exact: true }).fill(OWNER.password);
    await owner.getByRole('button', { name: 'Sign in' }).click();
    await owner.waitForURL(`**/w/${firstWorkspace}/**`);
  });

  it('creates a second workspace from the switcher and switches between them', async () => {
    await owner.getByRole('button', { name: /^Workspace: / }).click();
    await owner.getByRole('menuitem', { name: 'New workspace…' }).click();
    const dialog = owner.getByRole('dialog');
    await dialog.getByLabel('Workspace name', { exact: true }).fill('Atelier Nord');
    await dialog.getByRole('button', { name: 'Create workspace' }).click();
    await owner.waitForURL((url) => /\/w\/[^/]+\//.test(url.pathname) && !url.pathname.includes(firstWorkspace));
    secondWorkspace = workspaceIdOf(owner);
    expect(secondWorkspace).not.toBe(firstWorkspace);
    await owner.getByRole('button', { name: 'Workspace: Atelier Nord' }).click();
    await owner.getByRole('menuitem', { name: /Maison Lumière/ }).click();
    await owner.waitForURL(`**/w/${firstWorkspace}/today`);
  });

  it('keeps the brand, products and competitors analysis will look for', async () => {
    await owner.goto(`/w/${firstWorkspace}/settings/workspace`);
    const brand = owner.getByRole('combobox', { name: 'Brand names', exact: true });
    await brand.fill('Maison Lumière');
    await brand.press('Enter');
    const competitors = owner.getByRole('combobox', { name: 'Competitors', exact: true });
    await competitors.fill('Clairlune');
    await competitors.press('Enter');
    await owner.getByRole('button', { name: 'Save' }).last().click();
    await owner.getByText('Names saved').waitFor();
    await owner.reload();
    await owner.getByText('Clairlune').waitFor();
  });

  it('invites a viewer and shows the link to copy', async () => {
    await owner.goto(`/w/${firstWorkspace}/settings/members`);
    await owner.getByLabel('E-mail', { exact: true }).fill('viewer@brand.test');
    await owner.getByRole('combobox', { name: 'Role', exact: true }).click();
    await owner.getByRole('option', { name: 'Viewer' }).click();
    await owner.getByRole('button', { name: 'Invite', exact: true }).click();
    invitationUrl = (await owner.getByTestId('invitation-url').textContent())?.trim() ?? '';
    expect(invitationUrl).toMatch(new RegExp(`^${hearth.url}/invite/[A-Za-z0-9_-]{43}$`));
    await owner.getByRole('cell', { name: 'viewer@brand.test', exact: true }).first().waitFor();
  });

  describe('the invited viewer, in French', () => {
    let viewer: Page;
    beforeAll(async () => {
      viewer = await (await browser.newContext({ locale: 'fr-FR', baseURL: hearth.url })).newPage();
      viewer.setDefaultTimeout(10_000);
    });

    it('opens the link, creates an account and lands in the workspace', async () => {
      await viewer.goto(invitationUrl);
      await viewer.getByRole('heading', { name: 'Rejoindre Maison Lumière' }).waitFor();
      await viewer.getByLabel('Votre nom', { exact: true }).fill('Vic Lecteur');
      await viewer.getByLabel('Mot de passe', { exact: true }).fill('un mot de passe solide');
      await viewer.getByRole('button', { name: 'Créer mon compte et rejoindre l’espace' }).click();
      await viewer.waitForURL(`**/w/${firstWorkspace}/**`);
      await viewer.getByRole('link', { name: 'Boîte de réception' }).waitFor();
    });

    it('cannot reach an admin action, in the interface or through the API', async () => {
      await viewer.goto(`/w/${firstWorkspace}/settings/members`);
      await viewer.getByRole('cell', { name: 'camille@brand.test' }).waitFor();
      expect(await viewer.getByRole('button', { name: 'Inviter', exact: true }).count()).toBe(0);

      await viewer.goto(`/w/${firstWorkspace}/settings/workspace`);
      await viewer.getByText('Seuls les administrateurs peuvent modifier ces paramètres').waitFor();
      expect(await viewer.getByLabel('Nom de l’espace de travail', { exact: true }).isDisabled()).toBe(true);

      // Even a hand-made request with the viewer's session and CSRF token is refused.
      const session = await viewer.request.get('/api/v1/session');
      const { csrfToken } = (await session.json()) as { csrfToken: string };
      const forged = await viewer.request.post(`/api/v1/workspaces/${firstWorkspace}/invitations`, {
        data: { email: 'friend@elsewhere.test', role: 'viewer' },
        headers: { 'x-csrf-token': csrfToken },
      });
      expect(forged.status()).toBe(403);
    });

    it('is refused another workspace: not found, and no data', async () => {
      await viewer.goto(`/w/${secondWorkspace}/settings/workspace`);
      await viewer.getByRole('heading', { name: 'Espace de travail introuvable' }).waitFor();
      expect(await viewer.getByText('Atelier Nord').count()).toBe(0);
      const api = await viewer.request.get(`/api/v1/workspaces/${secondWorkspace}`);
      expect(api.status()).toBe(404);
    });
  });

  it('records the story in the audit log', async () => {
    await owner.goto(`/w/${firstWorkspace}/settings/audit`);
    for (const action of ['invitation.accepted', 'invitation.created', 'user.signed_in', 'workspace.created']) {
      await owner.getByText(action).first().waitFor();
    }
  });
});
