import { AuditModule } from '../audit/audit.module';
import { AgreementMutationsService } from './agreement-mutations.service';
import { AgreementMutationsResolver } from './agreement-mutations.resolver';
import { Module } from '@nestjs/common';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementPartyResolver } from './agreement-party.resolver';
import { AgreementsService } from './agreements.service';
import { PartyAgreementsResolver } from './party-agreements.resolver';

@Module({
  imports: [AuditModule],
  providers: [
    AgreementMutationsService,
    AgreementMutationsResolver,
    AgreementsService,
    AgreementsResolver,
    AgreementPartyResolver,
    PartyAgreementsResolver,
  ],
  exports: [AgreementsService],
})
export class AgreementsModule {}
