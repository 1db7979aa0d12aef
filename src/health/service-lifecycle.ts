import { Injectable } from '@nestjs/common';

/** Where the process stands: once draining (a stop has begun), readiness answers 503 so that the balancer moves on. */
@Injectable()
export class ServiceLifecycle {
  draining = false;
}
