/** The work sections of a workspace, in navigation order (settings comes after them). */
export const SECTIONS = ['today', 'inbox', 'publish', 'listen', 'community', 'reports'] as const;
export type Section = (typeof SECTIONS)[number];
