import { DraftChecker } from '../guardrails/DraftChecker';
import { SectionPage } from './SectionPage';

/** Publish: for now a draft checked against the guardrails (the composer and calendar come later). */
export function PublishPage() {
  return (
    <SectionPage section="publish">
      <DraftChecker />
    </SectionPage>
  );
}
