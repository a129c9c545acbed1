/**
 * An alert as its channels carry it: a plain-text e-mail, and Slack-compatible JSON (`{text, blocks}`,
 * which Slack, Mattermost, Rocket.Chat and Discord's /slack endpoint accept) for webhooks. Network
 * content is escaped for Slack's mrkdwn, so a mention cannot ping @channel or forge a link.
 */
import { linesOf, titleOf, type Explanation } from './alerts.explanation.js';

export interface AlertMessage {
  alertId: string;
  ruleName: string;
  firedAt: string;
  explanation: Explanation;
}

export function emailOf(message: AlertMessage): { subject: string; text: string } {
  const title = titleOf(message.ruleName, message.explanation);
  return {
    subject: `[Hearth] ${title}`,
    text: [
      title,
      '',
      ...linesOf(message.explanation),
      '',
      `Alert ${message.alertId}, fired ${message.firedAt}.`,
      '',
    ].join('\n'),
  };
}

/** Slack's mrkdwn control characters. */
export const escapeMrkdwn = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export interface SlackPayload {
  text: string;
  blocks: (
    | { type: 'header'; text: { type: 'plain_text'; text: string } }
    | { type: 'section'; text: { type: 'mrkdwn'; text: string } }
    | { type: 'context'; elements: { type: 'mrkdwn'; text: string }[] }
  )[];
  /** Hearth's own fields, for receivers that are not chat tools. */
  hearth: { alertId: string; kind: Explanation['kind']; firedAt: string; explanation: Explanation };
}

// Slack caps a header at 150 characters and a section at 3,000.
const cap = (text: string, max: number): string => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function slackPayloadOf(message: AlertMessage): SlackPayload {
  const title = titleOf(message.ruleName, message.explanation);
  const lines = linesOf(message.explanation).map(escapeMrkdwn);
  return {
    text: escapeMrkdwn(title),
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: cap(title, 150) } },
      { type: 'section', text: { type: 'mrkdwn', text: cap(lines.join('\n'), 3_000) } },
      {
        type: 'context',
        elements: [{ type: 'mrkdwn', text: `Hearth alert ${message.alertId} · ${message.firedAt}` }],
      },
    ],
    hearth: {
      alertId: message.alertId,
      kind: message.explanation.kind,
      firedAt: message.firedAt,
      explanation: message.explanation,
    },
  };
}
