import { describe, expect, it } from 'vitest';
import type { AcceptedInvitation } from '../api/types';
import { acceptedWorkspacePath } from './accepted-workspace';

const session: AcceptedInvitation = {
  user: { id: 'u2', email: 'bob@example.com', name: 'Bob' },
  csrfToken: 'csrf',
  workspaces: [
    { id: 'w1', name: 'Acme', role: 'owner' },
    { id: 'w2', name: 'Globex', role: 'viewer' },
  ],
};

describe('acceptedWorkspacePath', () => {
  it('prefers the workspace id sent by the server', () => {
    expect(acceptedWorkspacePath({ ...session, workspaceId: 'w9' }, 'Globex')).toBe('/w/w9/today');
  });

  it('finds the joined workspace by name otherwise', () => {
    expect(acceptedWorkspacePath(session, 'Globex')).toBe('/w/w2/today');
  });

  it('goes home when it cannot tell', () => {
    expect(acceptedWorkspacePath(session, 'Initech')).toBe('/');
  });
});
