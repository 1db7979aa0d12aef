import { Module, OnApplicationShutdown } from '@nestjs/common';
import { CoherenceReportService } from './coherence/coherence.service';
import { ComparisonReportService } from './comparison/comparison.service';
import { FlowsReportService } from './flows/flows.service';
import { closeRenderPool } from './render/render-pool';
import { ReportsService } from './reports.service';
import { TrendsReportService } from './trends/trends.service';

/**
 * The report computations and files, without GraphQL or HTTP: the command line uses this one. The render workers
 * (`render/render-pool.ts`) stop with the application, once the responses in flight are sent.
 */
@Module({
  providers: [
    CoherenceReportService,
    ComparisonReportService,
    TrendsReportService,
    FlowsReportService,
    ReportsService,
  ],
  exports: [
    CoherenceReportService,
    ComparisonReportService,
    TrendsReportService,
    FlowsReportService,
    ReportsService,
  ],
})
export class ReportsCoreModule implements OnApplicationShutdown {
  onApplicationShutdown(): Promise<void> {
    return closeRenderPool();
  }
}
