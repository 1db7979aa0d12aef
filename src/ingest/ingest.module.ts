import { Module } from '@nestjs/common';
import { AnnotatorModule } from '../annotations/annotator.module';
import { AgreementRecordWriter } from './agreement-record.writer';
import { ExportService } from './export.service';
import { IMPORTERS } from './importer';
import { IMPORTER_SERVICES, importersProvider } from './importers';

@Module({
  imports: [AnnotatorModule],
  providers: [AgreementRecordWriter, ...Object.values(IMPORTER_SERVICES), importersProvider, ExportService],
  exports: [AgreementRecordWriter, ...Object.values(IMPORTER_SERVICES), IMPORTERS, ExportService],
})
export class IngestModule {}
