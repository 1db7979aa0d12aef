import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { WebAssetsController } from './web-assets.controller';
import { WebController } from './web.controller';
import { WebGraphqlService } from './web-graphql.service';
import { WebExceptionFilter } from './web-exception.filter';
import { HTML_ERROR_PAGE } from '../common/html-error-page';

/** The web explorer: server-rendered pages over the GraphQL API, and their stylesheet and script. */
@Module({
  imports: [AuthModule],
  providers: [
    WebGraphqlService,
    WebExceptionFilter,
    { provide: HTML_ERROR_PAGE, useExisting: WebExceptionFilter },
  ],
  exports: [HTML_ERROR_PAGE],
  controllers: [WebAssetsController, WebController],
})
export class WebModule {}
