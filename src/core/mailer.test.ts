import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.js';
import { mailerFromConfig } from './mailer.js';

describe('SMTP configuration', () => {
  it('reads HEARTH_SMTP_URL and HEARTH_MAIL_FROM; without them there is no mailer', () => {
    const config = loadConfig(
      {},
      {
        HEARTH_SMTP_URL: 'smtp://user:pa%20ss@mail.example:2525',
        HEARTH_MAIL_FROM: 'Hearth <alerts@brand.test>',
      },
    );
    expect(config.smtpUrl).toBe('smtp://user:pa%20ss@mail.example:2525');
    expect(config.mailFrom).toBe('Hearth <alerts@brand.test>');
    const mailer = mailerFromConfig(config);
    expect(mailer).not.toBeNull();
    mailer?.close();
    const none = loadConfig({}, {});
    expect(none.smtpUrl).toBeUndefined();
    expect(mailerFromConfig(none)).toBeNull();
  });

  it('refuses other schemes without repeating the URL (it holds a password)', () => {
    expect(() => loadConfig({}, { HEARTH_SMTP_URL: 'http://user:hunter2@mail.example' })).toThrow(
      ConfigError,
    );
    expect(() => loadConfig({}, { HEARTH_SMTP_URL: 'not a url hunter2' })).toThrow(
      /HEARTH_SMTP_URL is not a URL/,
    );
    try {
      loadConfig({}, { HEARTH_SMTP_URL: 'http://user:hunter2@mail.example' });
    } catch (error) {
      expect(String(error)).not.toContain('hunter2');
    }
  });
});
