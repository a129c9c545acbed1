import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startChatter } from './chatter.js';
import { startDemoNetwork, type DemoNetwork, type NetworkAccount } from './demo-network.js';

describe('the demo community talks back (on a real local Bluesky network)', () => {
  let network: DemoNetwork;
  let brand: NetworkAccount;
  let community: NetworkAccount[];

  beforeAll(async () => {
    network = await startDemoNetwork({ dir: join(mkdtempSync(join(tmpdir(), 'hearth-chatter-')), 'network') });
    brand = await network.createAccount({ name: 'lumiere', displayName: 'Lumière', description: 'Lamps' });
    community = [
      await network.createAccount({ name: 'anamartin', displayName: 'Ana', description: '' }),
      await network.createAccount({ name: 'bobrown', displayName: 'Bo', description: '' }),
    ];
  });
  afterAll(() => network?.close());

  it('says its lines in turn, then answers once when the brand replies', async () => {
    const lines = [
      { text: `@${brand.handle} do you ship to Belgium?`, lang: 'en' as const, followUp: 'Great, thanks!' },
      { text: `@${brand.handle} ma lampe est cassée`, lang: 'fr' as const, followUp: 'Merci !' },
    ];
    const chatter = startChatter(network, brand, community, { intervalMs: 0, lines });
    expect(await chatter.step()).toBe('said');
    expect(await chatter.step()).toBe('said');
    const [question] = await network.listPosts(community[0]!.did);
    expect(question).toMatchObject({ text: lines[0]!.text, reply: null });
    expect((await network.listPosts(community[1]!.did))[0]?.text).toBe(lines[1]!.text);
    // Nothing to answer, nothing left to say.
    expect(await chatter.step()).toBe('idle');

    const reply = await network.post(brand, 'Yes, in 3 days.', 'en', { parent: question!, root: question! });
    expect(await chatter.step()).toBe('answered');
    const [followUp] = await network.listPosts(community[0]!.did);
    expect(followUp).toMatchObject({ text: 'Great, thanks!', reply: { parent: { uri: reply.uri }, root: { uri: question!.uri } } });
    // Once per conversation.
    expect(await chatter.step()).toBe('idle');
    chatter.stop();
  });
});
