import { afterAll, beforeAll, expect, it } from 'vitest';
import { listeningDeps } from '../../test/listening-fixtures.js';
import { addMember, Browser, setUpOwner, startTestApp, type TestApp } from '../../test/http-harness.js';
import { describeEachDatabase } from '../db/testing.js';
import { ingestItems } from '../listening/ingest.service.js';
import { seedAccount, seedAlert, seedConversation, seedPerson, seedPost } from './today.fixtures.js';
import type { TodayItem, TodayList } from './today.types.js';

// Monday 30 March 2026, 14:00 in Paris (the workspace's zone): inside the default business hours.
const NOW = Date.parse('2026-03-30T12:00:00.000Z');
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const ago = (ms: number): string => new Date(NOW - ms).toISOString();
const ahead = (ms: number): string => new Date(NOW + ms).toISOString();

describeEachDatabase('Today', (use) => {
  let t: TestApp;
  let owner: Browser;
  let workspaceId = '';
  const KEYS = [
    'overdue',
    'high',
    'soon',
    'quiet',
    'answered',
    'snoozed',
    'spam',
    'pendingHigh',
    'badAccount',
    'goodAccount',
    'held',
    'failed',
    'alert',
    'lateStep',
    'soonStep',
    'review',
    'query',
  ] as const;
  const ids = Object.fromEntries(KEYS.map((key) => [key, ''])) as Record<(typeof KEYS)[number], string>;
  const api = (path = ''): string => `/api/v1/workspaces/${workspaceId}${path}`;
  const today = async (browser: Browser = owner): Promise<TodayList> => {
    const reply = await browser.get(api('/today'));
    expect(reply.status, JSON.stringify(reply.body)).toBe(200);
    return reply.body as TodayList;
  };
  const item = (list: TodayList, id: string): TodayItem | undefined =>
    list.items.find((entry) => entry.id === id);

  beforeAll(async () => {
    t = await startTestApp(use());
    t.clock.set(new Date(NOW));
    ({ owner, workspaceId } = await setUpOwner(t.app));
    const db = use().kysely;
    const reasons = [
      { code: 'negative' as const, points: 25 },
      { code: 'complaint' as const, points: 20 },
      { code: 'reach' as const, points: 18, detail: { followers: 12_400 } },
    ];
    // First response due one business hour after the message: 11:18 UTC; 42 min late at 12:00.
    ids.overdue = await seedConversation(db, workspaceId, {
      awaitingSince: ago(102 * MINUTE),
      reasons,
      subject: 'My lamp arrived broken',
    });
    ids.high = await seedConversation(db, workspaceId, {
      awaitingSince: ago(5 * MINUTE),
      reasons: [
        { code: 'purchase_intent', points: 20 },
        { code: 'reach', points: 25, detail: { followers: 150_000 } },
        { code: 'question', points: 15 },
      ],
      authorName: null,
    });
    ids.soon = await seedConversation(db, workspaceId, { awaitingSince: ago(50 * MINUTE), priority: 10 });
    ids.quiet = await seedConversation(db, workspaceId, { awaitingSince: ago(10 * MINUTE), priority: 10 });
    ids.answered = await seedConversation(db, workspaceId, { awaitingSince: null, reasons });
    ids.snoozed = await seedConversation(db, workspaceId, {
      awaitingSince: ago(5 * HOUR),
      reasons,
      status: 'snoozed',
      snoozedUntil: ahead(HOUR),
    });
    ids.spam = await seedConversation(db, workspaceId, { awaitingSince: ago(5 * HOUR), reasons, spam: true });
    ids.pendingHigh = await seedConversation(db, workspaceId, {
      awaitingSince: ago(3 * MINUTE),
      reasons,
      status: 'pending',
    });

    ids.badAccount = await seedAccount(db, workspaceId, {
      handle: 'maison.test',
      health: 'failing',
      message: 'Invalid identifier or password',
      at: ago(HOUR),
    });
    ids.goodAccount = await seedAccount(db, workspaceId, {
      handle: 'atelier.test',
      health: 'ok',
      at: ago(HOUR),
    });
    ids.held = await seedPost(db, workspaceId, {
      text: 'Friday launch',
      status: 'scheduled',
      target: 'scheduled',
      accountIds: [ids.badAccount],
      at: ago(HOUR),
      publishAt: ahead(5 * HOUR),
    });
    ids.failed = await seedPost(db, workspaceId, {
      text: 'Our spring catalogue is out',
      status: 'failed',
      target: 'failed',
      accountIds: [ids.goodAccount],
      at: ago(2 * HOUR),
      lastError: 'Record too long',
    });

    ids.alert = await seedAlert(db, workspaceId, { firedAt: ago(HOUR) });
    await seedAlert(db, workspaceId, { firedAt: ago(5 * 24 * HOUR) });
    await seedAlert(db, workspaceId, { firedAt: ago(HOUR), readAt: ago(30 * MINUTE) });

    ids.lateStep = await seedPerson(db, workspaceId, {
      name: 'Inès Moreau',
      nextStep: 'Send the sample lamp',
      due: ago(2 * HOUR),
      at: ago(HOUR),
    });
    ids.soonStep = await seedPerson(db, workspaceId, {
      name: 'Tom Baker',
      nextStep: 'Call about the partnership',
      due: ahead(6 * HOUR),
      at: ago(HOUR),
    });
    await seedPerson(db, workspaceId, {
      name: 'Later',
      nextStep: 'Say hello',
      due: ahead(3 * 24 * HOUR),
      at: ago(HOUR),
    });
    await seedPerson(db, workspaceId, {
      name: 'Merged',
      nextStep: 'Say hello',
      due: ago(HOUR),
      mergedInto: ids.lateStep,
      at: ago(HOUR),
    });

    const draft = await owner.post(api('/posts'), { text: 'Teaser for the new walnut lamp', accountIds: [] });
    expect(draft.status).toBe(201);
    ids.review = (draft.body as { id: string }).id;
    expect((await owner.post(api(`/posts/${ids.review}/submit`), {})).status).toBe(200);

    // Listening: a saved query, this week's questions (2 to 5 days ago), and a hashtag rising today.
    const query = await owner.post(api('/listening/queries'), {
      name: 'Walnut lamp',
      query: 'walnut',
      tag: 'product',
    });
    expect(query.status, JSON.stringify(query.body)).toBe(201);
    ids.query = (query.body as { id: string }).id;
    const source = await owner.post(api('/listening/sources'), { kind: 'import', name: 'Archive' });
    expect(source.status, JSON.stringify(source.body)).toBe(201);
    const items = [
      'When will the walnut lamp be back in stock?',
      'Is the walnut lamp back in stock soon?',
      'Does anyone know when the walnut lamp will be back in stock?',
      'How long until the walnut lamp is back in stock?',
    ].map((text, n) => ({
      id: `q-${n}`,
      network: 'import',
      author: `fan${n}.test`,
      text,
      createdAt: ago((2 + n) * 24 * HOUR),
    }));
    for (let n = 0; n < 6; n++) {
      items.push({
        id: `s-${n}`,
        network: 'import',
        author: `shopper${n}.test`,
        text: `Great deals today #SpringSale (${n})`,
        createdAt: ago((n + 1) * HOUR),
      });
    }
    items.push({ id: 's-6', network: 'import', author: 'a.test', text: '#SpringSale', createdAt: ago(HOUR) });
    items.push({
      id: 's-7',
      network: 'import',
      author: 'b.test',
      text: 'So #springsale',
      createdAt: ago(HOUR),
    });
    const result = await ingestItems(
      listeningDeps(use(), t.clock),
      workspaceId,
      (source.body as { source: { id: string } }).source.id,
      items,
    );
    expect(result.rejected).toEqual([]);
  });
  afterAll(() => t.close());

  it('lists each kind of thing to do with why it is there and where to do it', async () => {
    const list = await today();
    expect(list.generatedAt).toBe(new Date(NOW).toISOString());

    const overdue = item(list, `conversation:${ids.overdue}`);
    expect(overdue).toMatchObject({
      kind: 'conversation',
      title: 'Ana Lopez: My lamp arrived broken',
      link: `/w/${workspaceId}/inbox?c=${ids.overdue}`,
      at: ago(102 * MINUTE),
      due: ago(42 * MINUTE),
    });
    // 63 stored + 10 for the 102 minutes waited.
    expect(overdue?.why).toBe(
      'First response overdue by 42 min; priority 73: negative, complaint, 12.4k followers, waiting 1 h 42 min',
    );
    expect(overdue?.priority).toBe(95);
    expect(item(list, `conversation:${ids.soon}`)?.why).toBe(
      'First response due in 10 min; priority 5: waiting 50 min',
    );
    expect(item(list, `conversation:${ids.high}`)?.why).toBe(
      'Priority 60: 150k followers, purchase intent, question',
    );
    expect(item(list, `conversation:${ids.high}`)?.title).toBe('@ana.test: Where is my order?');
    expect(item(list, `conversation:${ids.pendingHigh}`)).toMatchObject({
      why: 'Marked pending while they wait for an answer; priority 63: negative, complaint, 12.4k followers',
      link: `/w/${workspaceId}/inbox?view=pending&c=${ids.pendingHigh}`,
    });
    for (const gone of ['quiet', 'answered', 'snoozed', 'spam'] as const) {
      expect(item(list, `conversation:${ids[gone]}`), gone).toBeUndefined();
    }

    expect(item(list, `approval:${ids.review}`)).toMatchObject({
      kind: 'approval',
      priority: 45,
      title: 'Teaser for the new walnut lamp',
      why: 'Waiting for approval for 0 min',
      link: `/w/${workspaceId}/publish/${ids.review}`,
    });
    expect(item(list, `post_problem:${ids.failed}`)).toMatchObject({
      priority: 75,
      title: 'Our spring catalogue is out',
      why: 'Failed on @atelier.test: Record too long',
      link: `/w/${workspaceId}/publish/${ids.failed}`,
    });
    expect(item(list, `account:${ids.badAccount}`)).toMatchObject({
      priority: 90,
      title: '@maison.test',
      why: 'Bluesky refuses its credentials: Invalid identifier or password; 1 scheduled post will not go out until it is reconnected',
      link: `/w/${workspaceId}/settings/accounts`,
      due: ahead(5 * HOUR),
    });
    expect(item(list, `account:${ids.goodAccount}`)).toBeUndefined();

    const alerts = list.items.filter((entry) => entry.kind === 'alert');
    expect(alerts.map((entry) => entry.id)).toEqual([`alert:${ids.alert}`]);
    expect(alerts[0]).toMatchObject({
      priority: 60,
      title: 'Big accounts',
      why: '@famous.test (250k followers) mentioned you; unread, fired 1 h ago',
      link: `/w/${workspaceId}/listen/alerts`,
    });

    expect(item(list, `next_step:${ids.lateStep}`)).toMatchObject({
      priority: 55,
      title: 'Inès Moreau',
      why: 'Next step “Send the sample lamp” overdue by 2 h',
      link: `/w/${workspaceId}/community/people/${ids.lateStep}`,
    });
    expect(item(list, `next_step:${ids.soonStep}`)).toMatchObject({
      priority: 40,
      why: 'Next step “Call about the partnership” due Mon 30 Mar, 20:00',
    });
    expect(list.counts.next_step).toBe(2);

    expect(item(list, `question:query:${ids.query}`)).toMatchObject({
      kind: 'question',
      title: 'Walnut lamp',
      why: 'Asked 4 times this week',
    });
    const byTerm = list.items.filter(
      (entry) => entry.kind === 'question' && !entry.id.startsWith('question:query:'),
    );
    expect(byTerm.map((entry) => entry.title)).toContain('walnut lamp');
    const term = byTerm.find((entry) => entry.title === 'walnut lamp');
    expect(term?.link).toContain('intent=question');
    expect(term?.link).toContain('text=walnut+lamp');

    const trend = item(list, 'trend:#springsale');
    expect(trend?.why).toMatch(/^Rising: 8 mentions in 24 h, 0 expected/);
    expect(trend?.link).toBe(`/w/${workspaceId}/listen/trends`);
    expect(list.counts).toMatchObject({
      conversation: 4,
      approval: 1,
      post_problem: 1,
      account: 1,
      alert: 1,
    });
  });

  it('orders by the documented priority, then by the earliest due', async () => {
    const list = await today();
    const priorities = list.items.map((entry) => entry.priority);
    expect(priorities).toEqual([...priorities].sort((a, b) => b - a));
    const urgent = list.items
      .filter((entry) => entry.kind !== 'question' && entry.kind !== 'trend')
      .map((entry) => entry.id);
    expect(urgent).toEqual([
      `conversation:${ids.overdue}`,
      `account:${ids.badAccount}`,
      `post_problem:${ids.failed}`,
      `conversation:${ids.soon}`,
      `alert:${ids.alert}`,
      `next_step:${ids.lateStep}`,
      `conversation:${ids.pendingHigh}`,
      `conversation:${ids.high}`,
      `approval:${ids.review}`,
      `next_step:${ids.soonStep}`,
    ]);
    expect(list.items.at(-1)?.kind).toBe('trend');
  });

  it('lets every member read it, and nobody else', async () => {
    const { browser: viewer } = await addMember(t.app, owner, workspaceId, {
      email: 'vera@brand.test',
      role: 'viewer',
    });
    expect((await today(viewer)).items.length).toBe((await today()).items.length);
    expect((await new Browser(t.app).get(api('/today'))).status).toBe(401);
    expect((await owner.get('/api/v1/workspaces/nope/today')).status).toBe(404);
  });

  it('drops what is done: answered, approved, fixed, read, moved or cleared', async () => {
    const db = use().kysely;
    const before = await today();
    expect((await owner.patch(api(`/inbox/conversations/${ids.overdue}`), { status: 'closed' })).status).toBe(
      200,
    );
    expect((await owner.post(api(`/posts/${ids.review}/approve`), {})).status).toBe(200);
    expect((await owner.post(api('/listening/alerts/read'), { ids: [ids.alert] })).status).toBe(200);
    // What a reply, a reconnect, a successful retry and the CRM leave behind.
    await db
      .updateTable('conversations')
      .set({ awaiting_since: null, first_response_at: ago(0) })
      .where('id', '=', ids.soon)
      .execute();
    await db
      .updateTable('connected_accounts')
      .set({ health: 'ok', health_message: null })
      .where('id', '=', ids.badAccount)
      .execute();
    await db
      .updateTable('post_targets')
      .set({ status: 'published' })
      .where('post_id', '=', ids.failed)
      .execute();
    await db.updateTable('posts').set({ status: 'published' }).where('id', '=', ids.failed).execute();
    await db
      .updateTable('people')
      .set({ next_step_due: ahead(3 * 24 * HOUR) })
      .where('id', '=', ids.lateStep)
      .execute();
    await db
      .updateTable('people')
      .set({ next_step: null, next_step_due: null })
      .where('id', '=', ids.soonStep)
      .execute();

    const after = await today();
    for (const done of [
      `conversation:${ids.overdue}`,
      `conversation:${ids.soon}`,
      `approval:${ids.review}`,
      `alert:${ids.alert}`,
      `account:${ids.badAccount}`,
      `post_problem:${ids.failed}`,
      `next_step:${ids.lateStep}`,
      `next_step:${ids.soonStep}`,
    ]) {
      expect(item(before, done), done).toBeDefined();
      expect(item(after, done), done).toBeUndefined();
    }
    expect(item(after, `conversation:${ids.high}`)).toBeDefined();
    expect(after.fingerprint).not.toBe(before.fingerprint);
    expect(after.counts).toMatchObject({ approval: 0, alert: 0, account: 0, post_problem: 0, next_step: 0 });
  });

  it('counts a conversation as overdue once time passes, without any change to it', async () => {
    const before = await today();
    expect(item(before, `conversation:${ids.quiet}`)).toBeUndefined();
    t.clock.advance(HOUR);
    try {
      const later = await today();
      expect(item(later, `conversation:${ids.quiet}`)?.why).toMatch(/^First response overdue by 10 min/);
    } finally {
      t.clock.set(new Date(NOW));
    }
  });
});
