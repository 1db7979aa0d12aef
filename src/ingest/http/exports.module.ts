import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest.module';
import { ExportsController } from './exports.controller';

/** The command line's exports over HTTP: GET /exports/<agreements|provisions|annotations>.<csv|json>. */
@Module({ imports: [IngestModule], controllers: [ExportsController] })
export class ExportsModule {}
