import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ApiKeysService } from './api-keys.service';
import { IdentityMiddleware } from './identity.middleware';

@Module({
  imports: [AuditModule],
  providers: [ApiKeysService, IdentityMiddleware],
  exports: [ApiKeysService, IdentityMiddleware],
})
export class AuthModule {}
