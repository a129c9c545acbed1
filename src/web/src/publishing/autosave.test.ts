import { describe, expect, it } from 'vitest';
import {
  autosaveReducer,
  hasUnsavedEdits,
  initialAutosave,
  wantsSave,
  type AutosaveEvent,
  type AutosaveState,
} from './autosave';

const run = (events: AutosaveEvent[], from: AutosaveState = initialAutosave): AutosaveState =>
  events.reduce(autosaveReducer, from);

describe('autosave', () => {
  it('saves an edit once, on the version it was made on', () => {
    const edited = run([{ type: 'edited', version: 4 }]);
    expect(edited).toEqual({ phase: 'pending', baseVersion: 4, error: null });
    expect(wantsSave(edited)).toBe(true);
    const saving = run([{ type: 'started' }], edited);
    expect(wantsSave(saving)).toBe(false);
    expect(run([{ type: 'succeeded', version: 5, dirty: false }], saving)).toEqual({
      phase: 'saved',
      baseVersion: 5,
      error: null,
    });
  });

  it('keeps the first base version across several edits', () => {
    expect(
      run([
        { type: 'edited', version: 4 },
        { type: 'edited', version: 6 },
      ]).baseVersion,
    ).toBe(4);
  });

  it('saves again after a save when the user typed during it, on the version it answered', () => {
    const state = run([{ type: 'edited', version: 1 }, { type: 'started' }, { type: 'edited', version: 1 }]);
    expect(state.phase).toBe('saving');
    const after = run([{ type: 'succeeded', version: 2, dirty: true }], state);
    expect(after).toEqual({ phase: 'pending', baseVersion: 2, error: null });
    expect(run([{ type: 'edited', version: 2 }], after).baseVersion).toBe(2);
  });

  it('takes the version then shown for an edit after a save', () => {
    const saved = run([
      { type: 'edited', version: 1 },
      { type: 'started' },
      { type: 'succeeded', version: 2, dirty: false },
    ]);
    expect(run([{ type: 'edited', version: 7 }], saved).baseVersion).toBe(7);
  });

  it('stops on a conflict until reset: nothing is sent over another person’s change', () => {
    const conflict = run([
      { type: 'edited', version: 1 },
      { type: 'started' },
      { type: 'failed', conflict: true, error: 'changed' },
    ]);
    expect(conflict.phase).toBe('conflict');
    expect(hasUnsavedEdits(conflict)).toBe(true);
    const still = run([{ type: 'edited', version: 2 }, { type: 'started' }], conflict);
    expect(still.phase).toBe('conflict');
    expect(wantsSave(still)).toBe(false);
    expect(run([{ type: 'reset' }], still)).toEqual(initialAutosave);
  });

  it('tries again at the next edit after another failure', () => {
    const failed = run([
      { type: 'edited', version: 1 },
      { type: 'started' },
      { type: 'failed', conflict: false, error: 'offline' },
    ]);
    expect(failed).toMatchObject({ phase: 'failed', baseVersion: 1, error: 'offline' });
    expect(wantsSave(failed)).toBe(false);
    expect(run([{ type: 'edited', version: 1 }], failed)).toEqual({
      phase: 'pending',
      baseVersion: 1,
      error: null,
    });
  });
});
