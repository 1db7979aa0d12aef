import { Module } from '@nestjs/common';
import { PartiesModule } from '../parties/parties.module';
import { AgreementsResolver } from './agreements.resolver';
import { AgreementsService } from './agreements.service';
import { PartyAgreementsResolver } from './party-agreements.resolver';

@Module({
  imports: [PartiesModule],
  providers: [AgreementsService, AgreementsResolver, PartyAgreementsResolver],
  exports: [AgreementsService],
})
export class AgreementsModule {}
