/** The shapes of the API's JSON, as the web app reads them. */

export const ROLES = ['owner', 'admin', 'manager', 'editor', 'agent', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export interface SessionUser {
  id: string;
  email: string;
  name: string;
}

export interface SessionWorkspace {
  id: string;
  name: string;
  role: Role;
}

export interface Session {
  user: SessionUser;
  csrfToken: string;
  workspaces: SessionWorkspace[];
}

export interface SetupStatus {
  needsSetup: boolean;
}

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  workspaceName: string;
  timeZone: string;
  languages: string[];
}

export interface SignInInput {
  email: string;
  password: string;
}

/** The brand's own names, its products and its competitors, looked for in every analysed text. */
export interface NamedThings {
  brand: string[];
  products: string[];
  competitors: string[];
}

/** Whose posts need a manager's approval before they can be scheduled: nobody's, or editors'. */
export type ApprovalPolicy = 'none' | 'editors';

export interface Workspace {
  id: string;
  name: string;
  timeZone: string;
  languages: string[];
  namedThings: NamedThings;
  approvalPolicy: ApprovalPolicy;
  role: Role;
  createdAt: string;
}

export interface WorkspaceInput {
  name: string;
  timeZone: string;
  languages: string[];
}

/** PATCH body of a workspace: any of its settings. */
export type WorkspaceUpdate = Partial<WorkspaceInput> & {
  namedThings?: NamedThings;
  approvalPolicy?: ApprovalPolicy;
};

export interface Member {
  userId: string;
  email: string;
  name: string;
  role: Role;
  joinedAt: string;
}

export interface Invitation {
  id: string;
  email: string;
  role: Role;
  createdAt: string;
  expiresAt: string;
  invitedBy: { id: string; name: string };
}

export interface CreatedInvitation {
  invitation: Invitation;
  url: string;
}

export interface InvitationPreview {
  workspaceName: string;
  email: string;
  role: Role;
  expiresAt: string;
  accountExists: boolean;
  /** Not in the contract yet; used to open the workspace after accepting when present. */
  workspaceId?: string;
}

export type AcceptInvitationInput =
  { name: string; password: string } | { password: string } | Record<string, never>;

/** The accept answer is a Session; `workspaceId` is optional (not in the contract yet). */
export type AcceptedInvitation = Session & { workspaceId?: string };

export interface ApiToken {
  id: string;
  name: string;
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
}

export interface CreatedApiToken {
  token: ApiToken;
  secret: string;
}

export interface AuditActor {
  id: string;
  email: string;
  name: string;
}

export interface AuditEntry {
  id: string;
  at: string;
  actor: AuditActor | null;
  action: string;
  targetType: string;
  targetId: string;
  details: Record<string, unknown>;
}

export interface AuditPage {
  entries: AuditEntry[];
  nextBefore: string | null;
}
