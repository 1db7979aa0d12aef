import { Module } from '@nestjs/common';
import { DatabaseModule } from '../../database/database.module';
import { ExportService } from '../export.service';
import { ExportCommand } from './export.command';

/** `cli export ...`: the database and the export, nothing else of the application. */
@Module({
  imports: [DatabaseModule],
  providers: [ExportService, ExportCommand],
})
export class ExportCliModule {}
