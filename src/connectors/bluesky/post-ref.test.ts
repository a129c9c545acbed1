import { describe, expect, it } from 'vitest';
import { isConnectorError } from '../types.js';
import { decodePostRef, encodePostRef, postUrl } from './post-ref.js';

const root = { uri: 'at://did:plc:abc/app.bsky.feed.post/3mhwyvhzrh7ac', cid: 'bafyreiroot' };
const reply = { uri: 'at://did:plc:xyz/app.bsky.feed.post/3mhwyvhzrh7ad', cid: 'bafyreireply' };

describe('post refs', () => {
  it('carry a post alone, its root left out', () => {
    const ref = encodePostRef({ ...root, root });
    expect(ref).toBe(JSON.stringify(root));
    expect(decodePostRef(ref)).toEqual({ ...root, root });
  });

  it("carry a reply with its thread's root", () => {
    const ref = encodePostRef({ ...reply, root });
    expect(JSON.parse(ref)).toEqual({ ...reply, root });
    expect(decodePostRef(ref)).toEqual({ ...reply, root });
  });

  it.each([
    'not json',
    '{}',
    JSON.stringify({ uri: 'https://bsky.app/profile/x/post/y', cid: 'bafy' }),
    JSON.stringify({ uri: 'at://did:plc:abc/app.bsky.feed.like/3mhwyvhzrh7ac', cid: 'bafy' }),
    JSON.stringify({ uri: root.uri, cid: 'bafy', root: { uri: 'at://x', cid: 'y' } }),
    JSON.stringify({ uri: root.uri }),
  ])("refuses a ref this connector did not make: %s ('permanent')", (ref) => {
    let error: unknown;
    try {
      decodePostRef(ref);
    } catch (caught) {
      error = caught;
    }
    expect(isConnectorError(error) && error.kind).toBe('permanent');
  });

  it('link to the post on bsky.app', () => {
    expect(postUrl(root.uri)).toBe('https://bsky.app/profile/did:plc:abc/post/3mhwyvhzrh7ac');
  });
});
