/** How each network is named and coloured in the interface. */
import type { AccountHealth, AccountNetwork } from './accounts.api';

export const NETWORK_LABEL: Record<AccountNetwork, string> = {
  bluesky: 'Bluesky',
  mastodon: 'Mastodon',
  webhook: 'Webhook',
};
export const NETWORK_COLOR: Record<AccountNetwork, string> = {
  bluesky: 'blue',
  mastodon: 'violet',
  webhook: 'gray',
};
export const HEALTH_COLOR: Record<AccountHealth, string> = { ok: 'teal', failing: 'red', unchecked: 'gray' };
