import { Module } from '@nestjs/common';
import { DatabaseModule } from '../../database/database.module';
import { ApiKeysService } from '../api-keys.service';
import { KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand } from './keys.command';

/** `cli keys ...`: the database and the key service, nothing else of the application. */
@Module({
  imports: [DatabaseModule],
  providers: [ApiKeysService, KeysCommand, KeysCreateCommand, KeysListCommand, KeysRevokeCommand],
})
export class KeysCliModule {}
