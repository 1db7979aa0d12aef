import { Public } from '../auth/access.decorators';
import { Controller, Get, NotFoundException, Param, Res } from '@nestjs/common';
import type { Response } from 'express';
import { dirname, join } from 'node:path';
import { GRAPHIQL_START_SCRIPT } from './graphiql-start';

const packageDir = (name: string) => dirname(require.resolve(`${name}/package.json`));

/** The IDE's files, served from the project's own node_modules so that it works with no internet. */
const ASSETS: Record<string, { file: string; type: string }> = {
  'react.js': { file: join(packageDir('react'), 'umd', 'react.production.min.js'), type: 'text/javascript' },
  'react-dom.js': {
    file: join(packageDir('react-dom'), 'umd', 'react-dom.production.min.js'),
    type: 'text/javascript',
  },
  'graphiql.js': { file: join(packageDir('graphiql'), 'graphiql.min.js'), type: 'text/javascript' },
  'graphiql.css': { file: join(packageDir('graphiql'), 'graphiql.min.css'), type: 'text/css' },
};

@Public()
@Controller('graphiql')
export class GraphiqlController {
  @Get('start.js')
  start(@Res() res: Response): void {
    res.type('text/javascript').send(GRAPHIQL_START_SCRIPT);
  }

  @Get(':asset')
  asset(@Param('asset') name: string, @Res() res: Response): void {
    // Own names only: `constructor` or `__proto__` are not assets.
    const asset = Object.hasOwn(ASSETS, name) ? ASSETS[name] : undefined;
    if (!asset) throw new NotFoundException(`no asset ${name}`);
    res.type(asset.type).setHeader('Cache-Control', 'public, max-age=86400');
    res.sendFile(asset.file);
  }
}
