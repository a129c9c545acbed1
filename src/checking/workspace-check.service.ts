/**
 * `check()` with a workspace's house style: its voice profile (with the account's override), its
 * dictionary and named things, its fact register, its time zone and its originality index. The
 * check API, the composer's scheduling gate and (later) the inbox reply box all come through here.
 */
import type { Kysely } from 'kysely';
import type { Analyzer } from '../analysis/analyzer.js';
import type { Clock } from '../core/clock.js';
import type { Database } from '../db/schema.js';
import { check, type CheckInput, type CheckResult } from '../guardrails/check.js';
import type { SpellingService } from '../guardrails/spelling/service.js';
import type { Finding } from '../guardrails/types.js';
import { mergeVoiceProfiles, voiceProfileSchema, type VoiceProfile } from '../guardrails/voice/index.js';
import type { WorkspaceOriginalityIndexes } from '../originality/originality.indexes.js';
import { describeSources } from '../originality/originality.service.js';
import { getHouseStyle } from '../workspaces/house-style.service.js';
import { getWorkspace, type WorkspaceAccess } from '../workspaces/workspaces.service.js';

export interface CheckingDeps {
  db: Kysely<Database>;
  clock: Clock;
  analyzer: () => Promise<Analyzer>;
  spelling: SpellingService;
  originality: WorkspaceOriginalityIndexes;
}

export interface WorkspaceCheckInput extends CheckInput {
  /** The publishing account's voice override, merged over the workspace's profile. */
  accountVoice?: unknown;
}

export type DescribedFinding = Finding & { sourceLabel?: string; sourceUrl?: string };

export interface WorkspaceCheckResult extends CheckResult {
  findings: DescribedFinding[];
}

/** Checks a text without a workspace: only what the caller gives. */
export async function checkStandalone(deps: Omit<CheckingDeps, 'db' | 'originality'>, input: CheckInput): Promise<CheckResult> {
  return check({ analyzer: await deps.analyzer(), spelling: deps.spelling, now: () => deps.clock.now() }, input);
}

/** Checks a text with the workspace's house style; what the input gives explicitly wins. */
export async function checkForWorkspace(deps: CheckingDeps, access: WorkspaceAccess, input: WorkspaceCheckInput): Promise<WorkspaceCheckResult> {
  const [style, workspace, originality] = await Promise.all([
    getHouseStyle(deps.db, access),
    getWorkspace(deps.db, access),
    deps.originality.indexFor(access.workspaceId),
  ]);
  const { brand, products, competitors } = workspace.namedThings;
  // The workspace's own names (brand, products, competitors) are its vocabulary, never misspellings.
  const names = [...brand, ...products, ...competitors].flatMap((name) => name.split(/\s+/)).filter(Boolean);
  const accountVoice = input.accountVoice === undefined ? undefined : voiceProfileSchema.parse(input.accountVoice);
  const voice: VoiceProfile = input.voice ?? mergeVoiceProfiles(style.voice, accountVoice);
  const { accountVoice: _ignored, ...rest } = input;
  const result = await check(
    { analyzer: await deps.analyzer(), spelling: deps.spelling, now: () => deps.clock.now(), originality },
    {
      ...rest,
      dictionary: [...new Set([...style.dictionary, ...names, ...(input.dictionary ?? [])])],
      voice,
      facts: input.facts ?? style.facts,
      timeZone: input.timeZone ?? workspace.timeZone,
    },
  );
  const sourceIds = result.findings.flatMap((finding) => (finding.sourceId === undefined ? [] : [finding.sourceId]));
  if (sourceIds.length === 0) {
    return result;
  }
  const sources = await describeSources(deps.db, access.workspaceId, sourceIds);
  return {
    ...result,
    findings: result.findings.map((finding) => {
      const source = finding.sourceId === undefined ? undefined : sources.get(finding.sourceId);
      return { ...finding, ...(source?.label ? { sourceLabel: source.label } : {}), ...(source?.url ? { sourceUrl: source.url } : {}) };
    }),
  };
}
