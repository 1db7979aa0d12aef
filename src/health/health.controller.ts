import { Public } from '../auth/access.decorators';
import { Controller, Get } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { DatabaseStatus } from '../database/database-status';

@Public()
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly status: DatabaseStatus,
  ) {}

  /**
   * 200 with `info.database.status: up` and `info.writes.status: up`; 503 when the database does not answer, or
   * when the start-up check found it read-only (`error.writes.message` says why).
   */
  @Get()
  @HealthCheck()
  check() {
    return this.health.check([
      () => this.database.pingCheck('database'),
      () => {
        const writes = this.indicators.check('writes');
        return this.status.writable ? writes.up() : writes.down({ message: 'the database is read-only' });
      },
    ]);
  }
}
