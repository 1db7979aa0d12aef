import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import { HEAVY_TURN, RATE_COST, RATE_COSTS, REPORT_PAGE_COST, takesHeavyTurn } from './rate-cost.constants';
import { HeavyWorkInterceptor } from './heavy-work.interceptor';

export { HEAVY_TURN, RATE_COST, RATE_COSTS, REPORT_PAGE_COST, takesHeavyTurn };

/**
 * Rate-limit points an operation or route takes from its client's bucket (default 1), GitHub-style: costlier
 * work (search, reports, draft checks) takes more. On a resolver method, a controller method or a class. Points
 * of costly work (`takesHeavyTurn`) also put HeavyWorkInterceptor there, and only there: an interceptor on every
 * root field and route would run Nest's interceptor pipeline (observables, an async resource, a dozen promises)
 * for each of them, a cheap read included. `heavy` says otherwise where the points are priced for people rather
 * than for the work (the explorer's report pages, REPORT_PAGE_COST).
 */
export const RateCost = (points: number, options: { heavy?: boolean } = {}) => {
  // Set on every method and class that declares points, so that a method's own choice overrides its class's.
  const heavy = options.heavy ?? takesHeavyTurn(points);
  return heavy
    ? applyDecorators(
        SetMetadata(RATE_COST, points),
        SetMetadata(HEAVY_TURN, true),
        UseInterceptors(HeavyWorkInterceptor),
      )
    : applyDecorators(SetMetadata(RATE_COST, points), SetMetadata(HEAVY_TURN, false));
};
