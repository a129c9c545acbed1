/**
 * The autosave's state, as a pure reducer: edits make it pending, one save runs at a time, an edit
 * made during a save is saved after it, and a conflict (the post changed elsewhere, 409) stops
 * saving until the user reloads — their edits are never sent over someone else's.
 */

export type SavePhase = 'clean' | 'pending' | 'saving' | 'saved' | 'failed' | 'conflict';

export interface AutosaveState {
  phase: SavePhase;
  /** The version the unsaved edits were made on (sent with the PATCH); null: no edits or a new post. */
  baseVersion: number | null;
  /** The last save's error, while phase is 'failed' or 'conflict'. */
  error: unknown;
}

export type AutosaveEvent =
  /** The user changed something; `version` is the post's version they see (null: not created yet). */
  | { type: 'edited'; version: number | null }
  | { type: 'started' }
  /** The server kept the save and answered `version`; `dirty`: the user edited again meanwhile. */
  | { type: 'succeeded'; version: number; dirty: boolean }
  | { type: 'failed'; conflict: boolean; error: unknown }
  /** The local edits were dropped (reloaded) or adopted: start again from the server's post. */
  | { type: 'reset' };

export const initialAutosave: AutosaveState = { phase: 'clean', baseVersion: null, error: null };

export function autosaveReducer(state: AutosaveState, event: AutosaveEvent): AutosaveState {
  switch (event.type) {
    case 'edited': {
      if (state.phase === 'conflict') {
        return state;
      }
      // Edits on a clean post are based on the version now shown; later ones on the same base.
      const fresh = state.phase === 'clean' || state.phase === 'saved';
      const baseVersion = fresh ? event.version : (state.baseVersion ?? event.version);
      return { phase: state.phase === 'saving' ? 'saving' : 'pending', baseVersion, error: null };
    }
    case 'started':
      return state.phase === 'conflict' ? state : { ...state, phase: 'saving', error: null };
    case 'succeeded':
      return { phase: event.dirty ? 'pending' : 'saved', baseVersion: event.version, error: null };
    case 'failed':
      return { ...state, phase: event.conflict ? 'conflict' : 'failed', error: event.error };
    case 'reset':
      return initialAutosave;
  }
}

/** Whether the debounced save should run now. */
export const wantsSave = (state: AutosaveState): boolean => state.phase === 'pending';

/** Whether leaving the page would lose edits. */
export const hasUnsavedEdits = (state: AutosaveState): boolean =>
  state.phase === 'pending' ||
  state.phase === 'saving' ||
  state.phase === 'failed' ||
  state.phase === 'conflict';
