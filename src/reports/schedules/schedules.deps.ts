import type { ReportInput } from '../model/build-report.js';
import type { ReportModel } from '../model/report-model.js';
import type { RenderedReport, ReportRequest } from '../render/render-report.js';
import type { ReportsDeps } from '../reports.deps.js';

/** Renders one report (render/render-report.ts); injected so delivery can be tested on its own. */
export type RenderReport = (
  deps: Pick<ReportsDeps, 'db' | 'clock' | 'logger'>,
  request: ReportRequest,
) => Promise<RenderedReport>;

/** Builds a report's figures without rendering them (model/build-report.ts): what a webhook carries. */
export type BuildReportModel = (deps: Pick<ReportsDeps, 'db' | 'clock'>, input: ReportInput) => Promise<ReportModel>;

/** What scheduled delivery needs: the reports' dependencies, the renderer and the model builder (the real ones by default). */
export type ScheduleDeps = ReportsDeps & { render?: RenderReport; buildModel?: BuildReportModel };

/** Puts one delivery's job on the queue. */
export type DispatchDelivery = (deliveryId: string) => Promise<void>;
