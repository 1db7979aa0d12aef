import { Global, Module } from '@nestjs/common';
import { HeavyWorkGate } from './heavy-work.gate';

/**
 * The process's one HeavyWorkGate, global: QueryCostPlugin and every HeavyWorkInterceptor (put by `@RateCost` on
 * the searches, reports and draft checks of whichever module declares them) take their turns from it.
 */
@Global()
@Module({
  providers: [{ provide: HeavyWorkGate, useFactory: () => new HeavyWorkGate() }],
  exports: [HeavyWorkGate],
})
export class HeavyWorkModule {}
