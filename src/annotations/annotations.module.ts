import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AnnotationsResolver, ProvisionAnnotationsResolver } from './annotations.resolver';
import { AnnotationsService } from './annotations.service';

@Module({
  imports: [AgreementsModule],
  providers: [AnnotationsService, AnnotationsResolver, ProvisionAnnotationsResolver],
  exports: [AnnotationsService],
})
export class AnnotationsModule {}
