import { AuditModule } from '../audit/audit.module';
import { AnnotationMutationsService } from './annotation-mutations.service';
import { AnnotationMutationsResolver } from './annotation-mutations.resolver';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AnnotationsResolver, ProvisionAnnotationsResolver } from './annotations.resolver';
import { AnnotationsService } from './annotations.service';

@Module({
  imports: [AuditModule, AgreementsModule],
  providers: [
    AnnotationMutationsService,
    AnnotationMutationsResolver,
    AnnotationsService,
    AnnotationsResolver,
    ProvisionAnnotationsResolver,
  ],
  exports: [AnnotationsService],
})
export class AnnotationsModule {}
