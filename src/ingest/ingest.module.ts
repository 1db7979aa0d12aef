import { Module } from '@nestjs/common';
import { AgreementRecordWriter } from './agreement-record.writer';

@Module({ providers: [AgreementRecordWriter], exports: [AgreementRecordWriter] })
export class IngestModule {}
