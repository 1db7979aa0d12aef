import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { WEB_CSS } from './assets/web-css';
import { WEB_JS } from './assets/web-js';

export interface WebAsset {
  name: string;
  type: string;
  body: string;
  gzip: Buffer;
}

function asset(stem: string, extension: string, type: string, body: string): WebAsset {
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  return { name: `${stem}.${hash}.${extension}`, type, body, gzip: gzipSync(body, { level: 9 }) };
}

/** The stylesheet and the script, named by the hash of their content so that they can be cached for a year. */
export const WEB_ASSETS: WebAsset[] = [
  asset('web', 'css', 'text/css; charset=utf-8', WEB_CSS),
  asset('web', 'js', 'text/javascript; charset=utf-8', WEB_JS),
];

export const ASSET_PATHS = {
  css: `/assets/${WEB_ASSETS[0].name}`,
  js: `/assets/${WEB_ASSETS[1].name}`,
};
