import { Module } from '@nestjs/common';
import { CoherenceReportService } from './coherence/coherence.service';
import { ComparisonReportService } from './comparison/comparison.service';
import { FlowsReportService } from './flows/flows.service';
import { ReportsService } from './reports.service';
import { TrendsReportService } from './trends/trends.service';

/** The report computations and files, without GraphQL or HTTP: the command line uses this one. */
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
export class ReportsCoreModule {}
