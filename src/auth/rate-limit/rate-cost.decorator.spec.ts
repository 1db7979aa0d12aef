import { INTERCEPTORS_METADATA } from '@nestjs/common/constants';
import { HeavyWorkInterceptor } from './heavy-work.interceptor';
import { HEAVY_TURN, RATE_COST, RATE_COSTS, RateCost, REPORT_PAGE_COST } from './rate-cost.decorator';

describe('RateCost', () => {
  const interceptorsOf = (target: object): unknown[] =>
    (Reflect.getMetadata(INTERCEPTORS_METADATA, target) as unknown[] | undefined) ?? [];

  it('puts HeavyWorkInterceptor on the costly operations only, and the points on all', () => {
    class Costly {
      @RateCost(RATE_COSTS.report)
      report() {}
      @RateCost(RATE_COSTS.write)
      write() {}
      read() {}
    }
    @RateCost(RATE_COSTS.search)
    class Searches {}
    expect(interceptorsOf(Costly.prototype.report)).toEqual([HeavyWorkInterceptor]);
    expect(interceptorsOf(Searches)).toEqual([HeavyWorkInterceptor]);
    // A cheap root field or route runs no interceptor at all (Nest then skips its interceptor pipeline).
    expect(interceptorsOf(Costly.prototype.write)).toEqual([]);
    expect(interceptorsOf(Costly.prototype.read)).toEqual([]);
    expect(Reflect.getMetadata(RATE_COST, Costly.prototype.write)).toBe(RATE_COSTS.write);
    expect(Reflect.getMetadata(RATE_COST, Searches)).toBe(RATE_COSTS.search);
  });

  it("takes a turn where it says so, whatever its points; a method's own choice overrides its class's", () => {
    @RateCost(RATE_COSTS.report)
    class Pages {
      @RateCost(REPORT_PAGE_COST, { heavy: true })
      party() {}
      @RateCost(1)
      plain() {}
      inherited() {}
    }
    expect(interceptorsOf(Pages.prototype.party)).toEqual([HeavyWorkInterceptor]);
    expect(Reflect.getMetadata(RATE_COST, Pages.prototype.party)).toBe(REPORT_PAGE_COST);
    expect(Reflect.getMetadata(HEAVY_TURN, Pages.prototype.party)).toBe(true);
    expect(Reflect.getMetadata(HEAVY_TURN, Pages.prototype.plain)).toBe(false);
    expect(Reflect.getMetadata(HEAVY_TURN, Pages.prototype.inherited)).toBeUndefined();
    expect(Reflect.getMetadata(HEAVY_TURN, Pages)).toBe(true);
  });
});
