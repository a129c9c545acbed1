import { describe, expect, it } from 'vitest';
import type { SessionWorkspace } from '../api/types';
import { pickWorkspace } from './last-workspace';

const workspaces: SessionWorkspace[] = [
  { id: 'w1', name: 'Acme', role: 'owner' },
  { id: 'w2', name: 'Globex', role: 'viewer' },
];

describe('pickWorkspace', () => {
  it('reopens the remembered workspace', () => {
    expect(pickWorkspace(workspaces, 'w2')?.id).toBe('w2');
  });

  it('falls back to the first one when nothing or a workspace the user left is remembered', () => {
    expect(pickWorkspace(workspaces, null)?.id).toBe('w1');
    expect(pickWorkspace(workspaces, 'gone')?.id).toBe('w1');
  });

  it('gives nothing to a user without workspaces', () => {
    expect(pickWorkspace([], 'w1')).toBeUndefined();
  });
});
