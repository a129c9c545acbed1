/**
 * The routing rule form, pure: what the user picked → the API's conditions and actions (empty
 * choices left out), and a rule in words for the list ("When negative, complaint → tag refund,
 * notify Support").
 */
import type { RuleActions, RuleConditions, RoutingRule } from './routing.api';

export interface RuleFormValues {
  name: string;
  networks: string[];
  languages: string[];
  sentiments: string[];
  intents: string[];
  queryIds: string[];
  minFollowers: number | '';
  addTags: string[];
  /** '' nobody, 'round-robin', or a member's user id. */
  assign: string;
  /** '' no team, or a department id. */
  assignTeam: string;
  raisePriority: number | '';
  notifyDepartmentId: string;
  markSpam: boolean;
  close: boolean;
}

export const EMPTY_RULE: RuleFormValues = {
  name: '',
  networks: [],
  languages: [],
  sentiments: [],
  intents: [],
  queryIds: [],
  minFollowers: '',
  addTags: [],
  assign: '',
  assignTeam: '',
  raisePriority: '',
  notifyDepartmentId: '',
  markSpam: false,
  close: false,
};

export function ruleRequest(values: RuleFormValues): {
  name: string;
  conditions: RuleConditions;
  actions: RuleActions;
} {
  const conditions: RuleConditions = {
    ...(values.networks.length > 0 ? { networks: values.networks } : {}),
    ...(values.languages.length > 0
      ? { languages: values.languages.map((l) => l.trim().toLowerCase()) }
      : {}),
    ...(values.sentiments.length > 0
      ? { sentiments: values.sentiments as RuleConditions['sentiments'] }
      : {}),
    ...(values.intents.length > 0 ? { intents: values.intents as RuleConditions['intents'] } : {}),
    ...(values.queryIds.length > 0 ? { queryIds: values.queryIds } : {}),
    ...(values.minFollowers !== '' ? { minFollowers: values.minFollowers } : {}),
  };
  const actions: RuleActions = {
    ...(values.addTags.length > 0 ? { addTags: values.addTags } : {}),
    ...(values.assign === 'round-robin'
      ? { assign: { roundRobin: true } as const }
      : values.assign !== ''
        ? { assign: { userId: values.assign } }
        : {}),
    ...(values.assignTeam !== '' ? { assignTeam: values.assignTeam } : {}),
    ...(values.raisePriority !== '' ? { raisePriority: values.raisePriority } : {}),
    ...(values.notifyDepartmentId !== '' ? { notifyDepartmentId: values.notifyDepartmentId } : {}),
    ...(values.markSpam ? { markSpam: true as const } : {}),
    ...(values.close ? { close: true as const } : {}),
  };
  return { name: values.name.trim(), conditions, actions };
}

export interface RuleWords {
  /** Names for what ids point at. */
  member: (id: string) => string;
  department: (id: string) => string;
  query: (id: string) => string;
  followers: (count: number) => string;
  always: string;
  roundRobin: string;
  spam: string;
  closed: string;
}

/** When and then in short words: "negative · complaint · ≥ 10,000 followers", "#refund · → Camille · ✉ Support". */
export function describeRule(
  rule: Pick<RoutingRule, 'conditions' | 'actions'>,
  words: RuleWords,
): { when: string; then: string } {
  const c = rule.conditions;
  const when = [
    ...(c.networks ?? []),
    ...(c.languages ?? []),
    ...(c.sentiments ?? []),
    ...(c.intents ?? []),
    ...(c.queryIds ?? []).map(words.query),
    ...(c.minFollowers !== undefined ? [words.followers(c.minFollowers)] : []),
  ];
  const a = rule.actions;
  const then = [
    ...(a.addTags ?? []).map((tag) => `#${tag}`),
    ...(a.assign
      ? ['userId' in a.assign ? `→ ${words.member(a.assign.userId)}` : `→ ${words.roundRobin}`]
      : []),
    ...(a.assignTeam !== undefined ? [`⇒ ${words.department(a.assignTeam)}`] : []),
    ...(a.raisePriority !== undefined ? [`+${a.raisePriority}`] : []),
    ...(a.notifyDepartmentId !== undefined ? [`✉ ${words.department(a.notifyDepartmentId)}`] : []),
    ...(a.markSpam ? [words.spam] : []),
    ...(a.close ? [words.closed] : []),
  ];
  return { when: when.length > 0 ? when.join(' · ') : words.always, then: then.join(' · ') };
}
