/** The competitor form's values ⇄ the API's input: accounts typed one per line as network:handle. */
import type { Competitor, CompetitorAccount, CompetitorInput } from '../trends/insights.api';

export type QuerySource = 'saved' | 'text' | 'none';

export interface CompetitorFormValues {
  name: string;
  accounts: string;
  source: QuerySource;
  queryId: string | null;
  query: string;
}

export const emptyCompetitorForm = (name = '', query = ''): CompetitorFormValues => ({
  name,
  accounts: '',
  source: query === '' ? 'none' : 'text',
  queryId: null,
  query,
});

export function formOf(competitor: Competitor): CompetitorFormValues {
  return {
    name: competitor.name,
    accounts: competitor.accounts.map((account) => `${account.network}:${account.handle}`).join('\n'),
    source: competitor.queryId !== null ? 'saved' : competitor.query !== null ? 'text' : 'none',
    queryId: competitor.queryId,
    query: competitor.query ?? '',
  };
}

/** The lines that are not network:handle, with their 1-based numbers. */
export function badAccountLines(text: string): number[] {
  return text
    .split('\n')
    .map((line, index) => ({ line: line.trim(), number: index + 1 }))
    .filter(({ line }) => line !== '' && !/^[^:\s]+:\S+$/.test(line))
    .map(({ number }) => number);
}

export function parseAccounts(text: string): CompetitorAccount[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '')
    .map((line) => {
      const colon = line.indexOf(':');
      return { network: line.slice(0, colon), handle: line.slice(colon + 1) };
    });
}

export function inputOf(values: CompetitorFormValues): CompetitorInput {
  return {
    name: values.name.trim(),
    accounts: parseAccounts(values.accounts),
    queryId: values.source === 'saved' ? values.queryId : null,
    query: values.source === 'text' && values.query.trim() !== '' ? values.query : null,
  };
}
