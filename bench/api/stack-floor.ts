// The floor of the fixed stack: the bench's queries served by NestJS 11 on Express and Apollo Server through
// @nestjs/apollo, as the service is, with the floor's data (`floor-data.ts`: node-sqlite3 and DataLoaders) and
// nothing of the service (no MikroORM, guards, plugins, logging, budget). What it costs beyond `floor.ts` is the
// least the stack itself adds to a request. Layers added one at a time by STACK_LAYERS (comma-separated):
// - `fields`: the nested lists and counts resolved by Nest `@ResolveField` methods (the service's way), not by
//   graphql-js's default resolver calling the root value's functions;
// - `scope`: each request run in an AsyncLocalStorage (`run`), as the service's request scope is: on Node 20
//   the storage's promise hook then stays on for every promise of the process.
// The schema is given as SDL (schema-first) rather than built from classes: the executable schema is the same
// kind of object either way, and the resolvers are Nest's in both.
// `node stack-floor.ts <sqlite file> <port>`; prints `port <n>` once listening.
import 'reflect-metadata';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginInlineTraceDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { Args, Context, GraphQLModule, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { NextFunction, Request, Response } from 'express';
import { AsyncLocalStorage } from 'node:async_hooks';
import { FLOOR_SDL, loaders, openFloorDatabase } from './floor-data';

const [file, port] = [process.argv[2], Number(process.argv[3] ?? 0)];
const layers = new Set((process.env.STACK_LAYERS ?? '').split(',').filter(Boolean));
openFloorDatabase(file);

type Root = ReturnType<typeof loaders>;
type Lazy = Record<string, (args?: unknown) => unknown>;
interface StackContext {
  root: Root;
}

@Resolver('Query')
class RootResolver {
  @Query('agreements')
  agreements(@Args('first') first: number, @Context() ctx: StackContext) {
    return ctx.root.agreements({ first });
  }

  @Query('provisions')
  provisions(@Args('first') first: number, @Context() ctx: StackContext) {
    return ctx.root.provisions({ first });
  }
}

// Without parameter decorators Nest calls the methods with graphql-js's (parent, args), as the service's
// field resolvers without arguments are called.
@Resolver('Agreement')
class AgreementFields {
  @ResolveField('parties')
  parties(agreement: Lazy) {
    return agreement.parties();
  }

  @ResolveField('provisions')
  provisions(agreement: Lazy, args: { first: number }) {
    return agreement.provisions(args);
  }
}

@Resolver('Provision')
class ProvisionFields {
  @ResolveField('annotations')
  annotations(provision: Lazy) {
    return provision.annotations();
  }
}

@Resolver('AgreementConnection')
class AgreementConnectionFields {
  @ResolveField('totalCount')
  totalCount(connection: Lazy) {
    return connection.totalCount();
  }
}

@Resolver('ProvisionConnection')
class ProvisionConnectionFields {
  @ResolveField('totalCount')
  totalCount(connection: Lazy) {
    return connection.totalCount();
  }
}

const fieldResolvers = [
  AgreementFields,
  ProvisionFields,
  AgreementConnectionFields,
  ProvisionConnectionFields,
];

@Module({
  imports: [
    GraphQLModule.forRoot<ApolloDriverConfig>({
      driver: ApolloDriver,
      typeDefs: FLOOR_SDL,
      playground: false,
      graphiql: false,
      fieldResolverEnhancers: [],
      plugins: [
        ApolloServerPluginLandingPageDisabled(),
        ApolloServerPluginCacheControlDisabled(),
        ApolloServerPluginInlineTraceDisabled(),
      ],
      context: (): StackContext => ({ root: loaders() }),
    }),
  ],
  providers: [RootResolver, ...(layers.has('fields') ? fieldResolvers : [])],
})
class StackFloorModule {}

async function main(): Promise<void> {
  const app = await NestFactory.create(StackFloorModule, { logger: false });
  if (layers.has('scope')) {
    const scope = new AsyncLocalStorage<object>();
    app.use((_req: Request, _res: Response, next: NextFunction) => scope.run({}, next));
  }
  const server = await app.listen(port, '127.0.0.1');
  console.log(`port ${(server.address() as { port: number }).port}`);
}

void main();
