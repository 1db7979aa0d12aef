import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { RATE_COST, RATE_COSTS, takesHeavyTurn } from './rate-cost.constants';
import { HeavyWorkInterceptor } from './heavy-work.interceptor';

export { RATE_COST, RATE_COSTS, takesHeavyTurn };

/**
 * Rate-limit points an operation or route takes from its client's bucket (default 1), GitHub-style: costlier
 * work (search, reports, draft checks) takes more. On a resolver method, a controller method or a class. Points
 * of costly work (`takesHeavyTurn`) also put HeavyWorkInterceptor there, and only there: an interceptor on every
 * root field and route would run Nest's interceptor pipeline (observables, an async resource, a dozen promises)
 * for each of them, a cheap read included.
 */
export const RateCost = (points: number) =>
  takesHeavyTurn(points)
    ? applyDecorators(SetMetadata(RATE_COST, points), UseInterceptors(HeavyWorkInterceptor))
    : SetMetadata(RATE_COST, points);
