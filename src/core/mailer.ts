/**
 * Outgoing e-mail through the operator's SMTP server (HEARTH_SMTP_URL, HEARTH_MAIL_FROM). Without
 * one configured there is no mailer, and callers say the e-mail channel is unavailable. The URL holds
 * the SMTP password: it is never logged, and errors carry nodemailer's message only.
 */
import nodemailer from 'nodemailer';
import type SMTPTransport from 'nodemailer/lib/smtp-transport/index.js';

export interface MailMessage {
  to: readonly string[];
  subject: string;
  text: string;
  /** Extra headers (e.g. an idempotency key receivers can dedupe on). */
  headers?: Record<string, string>;
  attachments?: readonly MailAttachment[];
}

export interface MailAttachment {
  filename: string;
  contentType: string;
  content: Buffer;
}

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
  close(): void;
}

export interface MailerOptions {
  /** smtp://user:pass@host:port or smtps://… */
  url: string;
  from: string;
  /** Connection, greeting and socket timeouts. Default 20 s. */
  timeoutMs?: number;
}

export const DEFAULT_MAIL_FROM = 'Hearth <hearth@localhost>';

export function createMailer(options: MailerOptions): Mailer {
  const timeout = options.timeoutMs ?? 20_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  } satisfies SMTPTransport.Options);
  return {
    async send(message) {
      const info = await transport.sendMail({
        from: options.from,
        to: [...message.to],
        subject: message.subject,
        text: message.text,
        ...(message.headers ? { headers: message.headers } : {}),
        ...(message.attachments ? { attachments: message.attachments.map((a) => ({ ...a })) } : {}),
      });
      return { messageId: info.messageId };
    },
    close: () => transport.close(),
  };
}

/** The mailer the configuration asks for, or null when no SMTP server is configured. */
export function mailerFromConfig(config: {
  smtpUrl: string | undefined;
  mailFrom: string | undefined;
}): Mailer | null {
  return config.smtpUrl
    ? createMailer({ url: config.smtpUrl, from: config.mailFrom ?? DEFAULT_MAIL_FROM })
    : null;
}
