/** Client-side checks of form inputs, with translated messages (null when the value is fine). */
import i18n from '../i18n/i18n';

export const MIN_PASSWORD_LENGTH = 10;

export const required = (value: string): string | null =>
  value.trim() === '' ? i18n.t('validation.required') : null;

export const email = (value: string): string | null =>
  /^[^\s@]+@[^\s@]+$/.test(value.trim()) ? null : i18n.t('validation.email');

export const newPassword = (value: string): string | null =>
  value.length < MIN_PASSWORD_LENGTH
    ? i18n.t('validation.passwordLength', { min: MIN_PASSWORD_LENGTH })
    : null;

export const anyPassword = (value: string): string | null =>
  value === '' ? i18n.t('validation.required') : null;
