import { AuditModule } from '../audit/audit.module';
import { ProvisionMutationsService } from './provision-mutations.service';
import { ProvisionMutationsResolver } from './provision-mutations.resolver';
import { Module } from '@nestjs/common';
import { AgreementsModule } from '../agreements/agreements.module';
import { AgreementProvisionsResolver, ProvisionsResolver } from './provisions.resolver';
import { ProvisionsService } from './provisions.service';

@Module({
  imports: [AuditModule, AgreementsModule],
  providers: [
    ProvisionMutationsService,
    ProvisionMutationsResolver,
    ProvisionsService,
    ProvisionsResolver,
    AgreementProvisionsResolver,
  ],
  exports: [ProvisionsService],
})
export class ProvisionsModule {}
