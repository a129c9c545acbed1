import { describe, expect, it } from 'vitest';
import { canEditMedia, composerActions, isEditable, needsApproval } from './post-actions';

describe('composer actions', () => {
  it('has editors submit for review when the workspace asks for approval', () => {
    expect(needsApproval('editor', 'editors')).toBe(true);
    expect(needsApproval('manager', 'editors')).toBe(false);
    expect(composerActions('editor', 'editors', null)).toEqual(['submit', 'save']);
    expect(composerActions('editor', 'editors', 'changes_requested')).toEqual(['submit', 'save', 'delete']);
    expect(composerActions('editor', 'editors', 'in_review')).toEqual(['save', 'delete']);
  });

  it('lets managers and editors without approval publish, schedule and queue', () => {
    expect(composerActions('owner', 'editors', 'draft')).toEqual([
      'publishNow',
      'schedule',
      'queue',
      'save',
      'delete',
    ]);
    expect(composerActions('editor', 'none', 'draft')).toEqual([
      'publishNow',
      'schedule',
      'queue',
      'submit',
      'save',
      'delete',
    ]);
  });

  it('gives managers the review actions, and everyone who writes the scheduling of an approved post', () => {
    expect(composerActions('manager', 'editors', 'in_review')).toEqual([
      'approve',
      'requestChanges',
      'reject',
      'save',
      'delete',
    ]);
    expect(composerActions('editor', 'editors', 'approved')).toEqual([
      'publishNow',
      'schedule',
      'queue',
      'save',
      'delete',
    ]);
  });

  it('offers cancelling a scheduled post, and nothing once it is out', () => {
    expect(composerActions('editor', 'none', 'scheduled')).toEqual(['publishNow', 'cancel']);
    for (const status of ['publishing', 'published', 'failed', 'unconfirmed'] as const) {
      expect(composerActions('owner', 'none', status)).toEqual([]);
    }
    expect(composerActions('owner', 'none', 'cancelled')).toEqual(['delete']);
  });

  it('offers nothing to those who cannot write', () => {
    expect(composerActions('viewer', 'none', 'draft')).toEqual([]);
    expect(composerActions('agent', 'none', null)).toEqual([]);
    expect(isEditable('viewer', 'draft')).toBe(false);
  });

  it('keeps images editable only before scheduling', () => {
    expect(isEditable('editor', 'scheduled')).toBe(true);
    expect(canEditMedia('editor', 'scheduled')).toBe(false);
    expect(canEditMedia('editor', 'approved')).toBe(true);
  });
});
