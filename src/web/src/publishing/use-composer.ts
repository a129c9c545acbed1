/**
 * The composer's state: the values being edited, kept locally, and their autosave — a PATCH with
 * the version the edits were made on, 800 ms after the last change, one at a time. A new post is
 * created by its first save. A 409 stops saving until the user reloads the post.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useReducer, useRef, useState } from 'react';
import { hasStatus } from '../api/errors';
import { queryKeys } from '../app/query-keys';
import { autosaveReducer, hasUnsavedEdits, initialAutosave, wantsSave, type AutosaveState } from './autosave';
import { canSave, changedFields, draftBody, draftFromPost, emptyDraft, type DraftValues } from './draft';
import { createPost, getPost, updatePost, withoutNotice, type Post } from './posts.api';

export const AUTOSAVE_DELAY_MS = 800;

interface ComposerOptions {
  workspaceId: string;
  timeZone: string;
  /** The post as the server has it; null for a new one. */
  post: Post | null;
  /** The values a new post starts with (a copy of another post). */
  initial?: DraftValues | undefined;
  /** Whether the user may change the post now (role and status). */
  editable: boolean;
  /** Called once, when the first save has created the post. */
  onCreated: (post: Post) => void;
}

export interface Composer {
  values: DraftValues;
  edit: (change: Partial<DraftValues>) => void;
  autosave: AutosaveState;
  /** Saves what is not saved yet and answers the post as saved (null: nothing to save in a new post). */
  flush: () => Promise<Post | null>;
  /** Drops the local edits and shows the post as the server has it now. */
  reload: () => Promise<void>;
  /** Why the last save took the post out of the schedule (it is a draft again); null: it did not. */
  unscheduled: string | null;
  dismissUnscheduled: () => void;
}

const isChanged = (values: DraftValues, post: Post | null, timeZone: string): boolean =>
  post === null ? canSave(values) : Object.keys(changedFields(values, post, timeZone)).length > 0;

export function useComposer({
  workspaceId,
  timeZone,
  post,
  initial,
  editable,
  onCreated,
}: ComposerOptions): Composer {
  const client = useQueryClient();
  const [values, setValues] = useState<DraftValues>(() =>
    post ? draftFromPost(post, timeZone) : (initial ?? emptyDraft()),
  );
  const [autosave, dispatch] = useReducer(autosaveReducer, initialAutosave);
  const [unscheduled, setUnscheduled] = useState<string | null>(null);
  // Async work reads the latest of everything through refs, not the render it started in.
  const valuesRef = useRef(values);
  const postRef = useRef(post);
  const stateRef = useRef(autosave);
  const inFlight = useRef<Promise<Post | null> | null>(null);
  const createdRef = useRef(onCreated);
  useEffect(() => {
    createdRef.current = onCreated;
    stateRef.current = autosave;
  });

  // The post changed on the server (another person, the review, the queue's time, publishing) while
  // nothing is being edited here: show it as it is now.
  useEffect(() => {
    // A refetch that started before a save may answer after it: an older version is ignored.
    if (post === null || (postRef.current !== null && post.version < postRef.current.version)) {
      return;
    }
    postRef.current = post;
    const phase = stateRef.current.phase;
    if ((phase === 'clean' || phase === 'saved') && isChanged(valuesRef.current, post, timeZone)) {
      const fresh = draftFromPost(post, timeZone);
      valuesRef.current = fresh;
      setValues(fresh);
    }
  }, [post, timeZone]);

  const edit = useCallback((change: Partial<DraftValues>) => {
    const next = { ...valuesRef.current, ...change };
    valuesRef.current = next;
    setValues(next);
    dispatch({ type: 'edited', version: postRef.current?.version ?? null });
  }, []);

  const save = useCallback((): Promise<Post | null> => {
    const run = async (): Promise<Post | null> => {
      const current = valuesRef.current;
      const saved = postRef.current;
      if (stateRef.current.phase === 'conflict') {
        throw stateRef.current.error;
      }
      if (!canSave(current)) {
        return saved;
      }
      dispatch({ type: 'started' });
      try {
        let result: Post;
        if (saved === null) {
          result = await createPost(workspaceId, draftBody(current, timeZone));
        } else {
          const changes = changedFields(current, saved, timeZone);
          if (Object.keys(changes).length === 0) {
            dispatch({ type: 'succeeded', version: saved.version, dirty: false });
            return saved;
          }
          const edited = await updatePost(workspaceId, saved.id, {
            ...changes,
            version: stateRef.current.baseVersion ?? saved.version,
          });
          if (edited.unscheduled !== undefined) {
            setUnscheduled(edited.unscheduled);
          }
          result = withoutNotice(edited);
        }
        postRef.current = result;
        client.setQueryData(queryKeys.post(workspaceId, result.id), result);
        void client.invalidateQueries({ queryKey: queryKeys.postLists(workspaceId) });
        dispatch({
          type: 'succeeded',
          version: result.version,
          dirty: isChanged(valuesRef.current, result, timeZone),
        });
        if (saved === null) {
          createdRef.current(result);
        }
        return result;
      } catch (error) {
        dispatch({ type: 'failed', conflict: hasStatus(error, 409), error });
        throw error;
      }
    };
    const promise = run().finally(() => {
      if (inFlight.current === promise) {
        inFlight.current = null;
      }
    });
    inFlight.current = promise;
    return promise;
  }, [client, workspaceId, timeZone]);

  // The debounced autosave.
  useEffect(() => {
    if (!editable || !wantsSave(autosave) || !canSave(values)) {
      return;
    }
    const timer = setTimeout(() => void save().catch(() => undefined), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [autosave, values, editable, save]);

  // Leaving the page with edits not saved yet: save them on the way out, and let the browser warn.
  useEffect(() => {
    const warn = (event: BeforeUnloadEvent): void => {
      if (hasUnsavedEdits(stateRef.current)) {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      if (stateRef.current.phase === 'pending' && inFlight.current === null) {
        void save().catch(() => undefined);
      }
    };
  }, [save]);

  const flush = useCallback(async (): Promise<Post | null> => {
    if (inFlight.current) {
      await inFlight.current.catch(() => null);
    }
    if (!editable || !isChanged(valuesRef.current, postRef.current, timeZone)) {
      return postRef.current;
    }
    return save();
  }, [editable, save, timeZone]);

  const reload = useCallback(async (): Promise<void> => {
    const current = postRef.current;
    if (current === null) {
      return;
    }
    const fresh = await getPost(workspaceId, current.id);
    client.setQueryData(queryKeys.post(workspaceId, fresh.id), fresh);
    const freshValues = draftFromPost(fresh, timeZone);
    postRef.current = fresh;
    valuesRef.current = freshValues;
    setValues(freshValues);
    dispatch({ type: 'reset' });
  }, [client, workspaceId, timeZone]);

  const dismissUnscheduled = useCallback(() => setUnscheduled(null), []);
  return { values, edit, autosave, flush, reload, unscheduled, dismissUnscheduled };
}
