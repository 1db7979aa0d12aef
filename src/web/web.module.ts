import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WebAssetsController } from './web-assets.controller';
import { WebController } from './web.controller';
import { WebGraphqlService } from './web-graphql.service';

/** The web explorer: server-rendered pages over the GraphQL API, and their stylesheet and script. */
@Module({
  imports: [AuthModule],
  providers: [WebGraphqlService],
  controllers: [WebAssetsController, WebController],
})
export class WebModule {}
