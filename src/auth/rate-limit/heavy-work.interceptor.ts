import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { GqlExecutionContext } from '@nestjs/graphql';
import { finalize, from, Observable, switchMap } from 'rxjs';
import { HeavyWorkGate } from '../../common/heavy-work.gate';
import { BudgetedRequest } from '../../common/request-budget';
import { HEAVY_TURN } from './rate-cost.constants';

/**
 * Searches, draft checks and reports (GraphQL root fields, report files, the explorer's pages for them) wait for
 * a turn at costly work (HeavyWorkGate) before they run and give it up when they are done, like the operations
 * costing more than HEAVY_QUERY_COST. A streamed download gives its turn up when it starts streaming. `@RateCost`
 * puts it on the methods and classes that take a turn (it reads their HEAVY_TURN again: a method's own
 * choice overrides its class's). A request holds one turn however many times it is asked for (HeavyWorkGate.hold).
 */
@Injectable()
export class HeavyWorkInterceptor implements NestInterceptor {
  constructor(
    private readonly reflector: Reflector,
    private readonly gate: HeavyWorkGate,
  ) {}

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const heavy = this.reflector.getAllAndOverride<boolean | undefined>(HEAVY_TURN, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = requestOf(context);
    if (!heavy || !req) return next.handle();
    return from(this.gate.hold(req)).pipe(switchMap((release) => next.handle().pipe(finalize(release))));
  }
}

function requestOf(context: ExecutionContext): BudgetedRequest | undefined {
  const type = context.getType<string>();
  if (type === 'graphql')
    return GqlExecutionContext.create(context).getContext<{ req?: BudgetedRequest }>().req;
  if (type === 'http') return context.switchToHttp().getRequest<BudgetedRequest>();
  return undefined;
}
