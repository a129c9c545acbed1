/** The languages of the interface, and those a workspace can publish and listen in. */

export const UI_LANGUAGES = ['fr', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** Each interface language named in itself, as language pickers do. */
export const UI_LANGUAGE_NAMES: Record<UiLanguage, string> = { fr: 'Français', en: 'English' };

export const CONTENT_LANGUAGES = ['fr', 'en', 'es', 'de', 'it', 'pt'] as const;
export type ContentLanguage = (typeof CONTENT_LANGUAGES)[number];

export const isUiLanguage = (value: string | undefined): value is UiLanguage =>
  value !== undefined && (UI_LANGUAGES as readonly string[]).includes(value);

export const isContentLanguage = (value: string): value is ContentLanguage =>
  (CONTENT_LANGUAGES as readonly string[]).includes(value);

/** The interface language for a language tag such as `fr-CA`; English when unsupported. */
export function toUiLanguage(tag: string | undefined): UiLanguage {
  const base = tag?.toLowerCase().split('-')[0];
  return isUiLanguage(base) ? base : 'en';
}

/** localStorage key where the chosen interface language is remembered. */
export const LANGUAGE_STORAGE_KEY = 'hearth.language';
