import { Module } from '@nestjs/common';
import { AuditQueryService } from './audit-query.service';
import { AgreementHistoryResolver, AnnotationHistoryResolver, AuditResolver } from './audit.resolver';
import { AuditService } from './audit.service';

@Module({
  providers: [
    AuditService,
    AuditQueryService,
    AuditResolver,
    AgreementHistoryResolver,
    AnnotationHistoryResolver,
  ],
  exports: [AuditService],
})
export class AuditModule {}
