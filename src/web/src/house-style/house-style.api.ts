/**
 * Calls of the house-style endpoints: the voice profile, the dictionary and the fact register that
 * the guardrails check every draft of the workspace against.
 */
import { api, seg } from '../api/client';

export const FORMALITIES = ['formal', 'informal', 'any'] as const;
export type Formality = (typeof FORMALITIES)[number];

export const EMOJI_POLICIES = ['none', 'few', 'free'] as const;
export type EmojiPolicy = (typeof EMOJI_POLICIES)[number];

export interface BannedTerm {
  term: string;
  replacement?: string;
  reason?: string;
}

/** How the brand writes; a rule whose field is absent does not run (the server's voiceProfileSchema). */
export interface VoiceProfile {
  formality?: Formality;
  emoji?: EmojiPolicy;
  maxExclamations?: number;
  bannedTerms?: BannedTerm[];
  disclosure?: { required: boolean; tags?: string[] };
  readingLevel?: { maxGrade: number };
}

/** A statement the brand may make, with its value, source and validity (ISO dates). */
export interface Fact {
  id: string;
  statement: string;
  value?: string;
  sourceUrl?: string;
  /** A date without a time is valid through that whole day, in the workspace's time zone. */
  validUntil?: string;
  sourceDate?: string;
}

export type FactInput = Omit<Fact, 'id'>;

export interface HouseStyle {
  voice: VoiceProfile;
  dictionary: string[];
  facts: Fact[];
}

const base = (workspaceId: string): string => `/workspaces/${seg(workspaceId)}/house-style`;

export const getHouseStyle = (workspaceId: string): Promise<HouseStyle> =>
  api.get<HouseStyle>(base(workspaceId));

export const saveVoiceProfile = (workspaceId: string, voice: VoiceProfile): Promise<VoiceProfile> =>
  api.put<VoiceProfile>(`${base(workspaceId)}/voice`, voice);

/** Adds words (those already there are ignored); answers with the whole dictionary. */
export const addDictionaryWords = (workspaceId: string, words: string[]): Promise<{ dictionary: string[] }> =>
  api.post<{ dictionary: string[] }>(`${base(workspaceId)}/dictionary`, { words });

export const removeDictionaryWord = (workspaceId: string, word: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/dictionary/${seg(word)}`);

export const createFact = (workspaceId: string, fact: FactInput): Promise<Fact> =>
  api.post<Fact>(`${base(workspaceId)}/facts`, fact);

export const updateFact = (workspaceId: string, factId: string, fact: FactInput): Promise<Fact> =>
  api.put<Fact>(`${base(workspaceId)}/facts/${seg(factId)}`, fact);

export const deleteFact = (workspaceId: string, factId: string): Promise<void> =>
  api.delete(`${base(workspaceId)}/facts/${seg(factId)}`);
