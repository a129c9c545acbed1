/** The roles a member holds in a workspace, from most to least powerful. */
export const ROLES = ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const isRole = (value: string): value is Role => (ROLES as readonly string[]).includes(value);

/** Lower is more powerful. Editor and agent are side by side: neither outranks the other's job. */
export const roleRank = (role: Role): number => ROLES.indexOf(role);
