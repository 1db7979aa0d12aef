import { Controller, Get, NotFoundException, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Public } from '../auth/access.decorators';
import { RateCost } from '../auth/rate-limit/rate-cost.decorator';
import { WEB_ASSETS } from './web-assets';

/** GET /assets/<name>.<hash>.<ext>: the explorer's stylesheet and script, immutable (the name changes with them). */
@Public()
@RateCost(0) // FREE in auth/rate-limit.guard.ts: never refused for want of points either
@Controller('assets')
export class WebAssetsController {
  @Get(':file')
  file(@Param('file') file: string, @Req() req: Request, @Res() res: Response): void {
    const asset = WEB_ASSETS.find((a) => a.name === file);
    if (!asset) throw new NotFoundException(`no asset ${file}`);
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.setHeader('Vary', 'Accept-Encoding');
    if (/\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''))) {
      res.setHeader('Content-Encoding', 'gzip');
      res.send(asset.gzip);
    } else res.send(asset.body);
  }
}
