import { Module } from '@nestjs/common';
import { AnnotatorModule } from '../annotations/annotator.module';
import { AgreementRecordWriter } from './agreement-record.writer';
import { ExportService } from './export.service';
import { JsonImportService } from './json-import.service';
import { TextImportService } from './text-import.service';
import { TotaImportService } from './tota-import.service';

@Module({
  imports: [AnnotatorModule],
  providers: [AgreementRecordWriter, TotaImportService, JsonImportService, TextImportService, ExportService],
  exports: [AgreementRecordWriter, TotaImportService, JsonImportService, TextImportService, ExportService],
})
export class IngestModule {}
