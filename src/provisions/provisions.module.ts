import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AgreementProvisionsResolver, ProvisionsResolver } from './provisions.resolver';
import { ProvisionsService } from './provisions.service';

@Module({
  imports: [AgreementsModule],
  providers: [ProvisionsService, ProvisionsResolver, AgreementProvisionsResolver],
  exports: [ProvisionsService],
})
export class ProvisionsModule {}
