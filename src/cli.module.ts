import { Module } from '@nestjs/common';
import { EventEmitterModule } from '@nestjs/event-emitter';
import { AnnotatorModule } from './annotations/annotator.module';
import { AnnotateCommand } from './annotations/commands/annotate.command';
import { EvaluateCommand } from './annotations/commands/evaluate.command';
import { AuthModule } from './auth/auth.module';
import {
  KeysCommand,
  KeysCreateCommand,
  KeysListCommand,
  KeysRevokeCommand,
} from './auth/commands/keys.command';
import { DatabaseModule } from './database/database.module';
import { HeavyWorkModule } from './common/heavy-work.module';
import { ExportCommand } from './ingest/commands/export.command';
import { ImportCommand, IMPORT_SUB_COMMANDS } from './ingest/commands/import.command';
import { IngestModule } from './ingest/ingest.module';
import { REPORT_COMMANDS } from './reports/commands/report.command';
import { ReportsCoreModule } from './reports/reports-core.module';
import { CheckDraftCommand } from './search/draft/check-draft.command';
import { SearchModule } from './search/search.module';

/** The command line (`npm run cli -- <command>`), on the database DATABASE_URL names. */
@Module({
  imports: [
    // The workflows' events (a provision removed takes back its annotations' reviews), as in the service.
    EventEmitterModule.forRoot(),
    DatabaseModule,
    HeavyWorkModule,
    IngestModule,
    AnnotatorModule,
    AuthModule,
    ReportsCoreModule,
    SearchModule,
  ],
  providers: [
    ImportCommand,
    ...IMPORT_SUB_COMMANDS,
    AnnotateCommand,
    ExportCommand,
    EvaluateCommand,
    KeysCommand,
    KeysCreateCommand,
    KeysListCommand,
    KeysRevokeCommand,
    ...REPORT_COMMANDS,
    CheckDraftCommand,
  ],
})
export class CliModule {}
