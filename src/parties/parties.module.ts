import { Module } from '@nestjs/common';
import { PartiesResolver } from './parties.resolver';
import { PartiesService } from './parties.service';

@Module({ providers: [PartiesService, PartiesResolver], exports: [PartiesService] })
export class PartiesModule {}
