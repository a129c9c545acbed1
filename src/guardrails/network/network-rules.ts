/**
 * Network rules (issue 4, family 7): length as the network counts it, alt text on every image,
 * Instagram's 30-hashtag cap and unclickable links, fediverse mentions outside Mastodon.
 */
import { findHashtags, findMentions, findUrls } from '../../analysis/extract/index.js';
import type { Finding, NetworkName } from '../types.js';
import { countForNetwork, overflowStart, type NetworkLimits } from './counting.js';

export { countForNetwork, type NetworkLimits } from './counting.js';

export interface NetworkRulesInput {
  text: string;
  network: NetworkName;
  images?: { altText?: string | null }[];
  limits?: NetworkLimits;
}

const NAMES: Record<NetworkName, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
};

const MAX_INSTAGRAM_HASHTAGS = 30;

/** All network findings for one post, ordered by position; synchronous. */
export function checkNetworkRules(input: NetworkRulesInput): Finding[] {
  const { text, network } = input;
  const findings: Finding[] = [];
  const name = NAMES[network];

  const overflow = overflowStart(text, network, input.limits);
  if (overflow !== undefined) {
    const { count, limit } = countForNetwork(text, network, input.limits);
    findings.push(
      networkFinding(text, 'network.too-long', 'error', overflow, text.length,
        `${name} allows ${limit} characters and this post counts ${count}: cut ${count - limit}.`),
    );
  }

  (input.images ?? []).forEach((image, index) => {
    if (!image.altText?.trim()) {
      findings.push(
        networkFinding(text, 'network.image-alt-missing', 'error', 0, 0,
          `Image ${index + 1} has no alt text: describe it for people who use a screen reader.`),
      );
    }
  });

  if (network === 'instagram') {
    const hashtags = findHashtags(text);
    const first = hashtags[MAX_INSTAGRAM_HASHTAGS];
    const last = hashtags[hashtags.length - 1];
    if (first && last) {
      findings.push(
        networkFinding(text, 'network.too-many-hashtags', 'error', first.start, last.end,
          `Instagram allows ${MAX_INSTAGRAM_HASHTAGS} hashtags and this post has ${hashtags.length}.`),
      );
    }
    for (const link of findUrls(text)) {
      findings.push(
        networkFinding(text, 'network.link-not-clickable', 'warning', link.start, link.end,
          'Links in an Instagram caption are not clickable: point to the link in bio instead.'),
      );
    }
  }

  if (network !== 'mastodon') {
    for (const mention of findMentions(text)) {
      if (mention.handle.includes('@')) {
        findings.push(
          networkFinding(text, 'network.fediverse-mention', 'warning', mention.start, mention.end,
            `${name} does not link fediverse handles like ${mention.handle.split('@')[0] ?? ''}@…: the person will not be notified.`),
        );
      }
    }
  }
  return findings.sort((a, b) => a.start - b.start);
}

function networkFinding(text: string, rule: string, severity: Finding['severity'], start: number, end: number, message: string): Finding {
  return { rule, category: 'network', severity, start, end, text: text.slice(start, end), message, suggestions: [] };
}
