import { useMemo } from 'react';
import { useUiLanguage } from '../../i18n/use-ui-language';
import { useCurrentWorkspace } from '../../workspaces/workspace-context';
import { formattersFor, type Formatters } from './explain';

/** Numbers and dates in the reader's language and the workspace's time zone. */
export function useFormatters(): Formatters {
  const [language] = useUiLanguage();
  const workspace = useCurrentWorkspace();
  return useMemo(() => formattersFor(language, workspace.timeZone), [language, workspace.timeZone]);
}
