import { Public } from '../auth/access.decorators';
import { Controller, Get, ServiceUnavailableException } from '@nestjs/common';
import {
  HealthCheck,
  HealthCheckService,
  HealthIndicatorService,
  MikroOrmHealthIndicator,
} from '@nestjs/terminus';
import { RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { DatabaseStatus } from '../database/database-status';
import { ServiceLifecycle } from './service-lifecycle';

/** Probes take no rate-limit points: a balancer polls them from one address. */
@Public()
@RateCost(0)
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: MikroOrmHealthIndicator,
    private readonly indicators: HealthIndicatorService,
    private readonly status: DatabaseStatus,
    private readonly lifecycle: ServiceLifecycle,
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

  /** Liveness: 200 while the process answers at all (a balancer or orchestrator restarts it otherwise). */
  @Get('live')
  live() {
    return { status: 'ok' };
  }

  /**
   * Readiness: 200 when this instance should get traffic (the database answers); 503 once a stop has begun, so
   * that the balancer sends new requests elsewhere while the ones in flight finish.
   */
  @Get('ready')
  @HealthCheck()
  ready() {
    if (this.lifecycle.draining)
      throw new ServiceUnavailableException({ status: 'error', message: 'shutting down' });
    return this.health.check([() => this.database.pingCheck('database')]);
  }
}
