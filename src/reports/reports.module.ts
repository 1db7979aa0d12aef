import { Module } from '@nestjs/common';
import { ReportsController } from './http/reports.controller';
import { SearchModule } from '../search/search.module';
import { ReportsCoreModule } from './reports-core.module';
import { CoherenceReportResolver, EvidenceProvisionResolver, ReportsResolver } from './reports.resolver';

/** Reports through GraphQL (coherenceReport, compareAgreements, trends, preferentialTreatmentFlows) and HTTP files. */
@Module({
  imports: [ReportsCoreModule, SearchModule],
  providers: [ReportsResolver, EvidenceProvisionResolver, CoherenceReportResolver],
  controllers: [ReportsController],
})
export class ReportsModule {}
