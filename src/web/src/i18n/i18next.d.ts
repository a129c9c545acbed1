// Types the keys of t() from the English catalogue, so a missing or misspelt key fails the build.
import type en from './locales/en.json';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
