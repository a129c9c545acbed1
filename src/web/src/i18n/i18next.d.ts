// Types the keys of t() from the English catalogue, so a missing or misspelt key fails the build.
import type { englishCatalogue } from './catalogues';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof englishCatalogue };
  }
}
