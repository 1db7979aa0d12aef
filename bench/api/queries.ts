// The three queries of bench/api (`run.ts`, `layers.ts`).
export const QUERIES = {
  'agreements page': `{ agreements(first: 20) { totalCount edges { cursor node { slug title dateSigned
    parties { party { code name } } } } } }`,
  'provisions page': `{ provisions(first: 20) { totalCount edges { cursor node { pinpoint articleNumber
    articleTitle summary annotations { status confidence code { code name } } } } } }`,
  'nested 50 agreements': `{ agreements(first: 50) { edges { node { slug title parties { party { code name } }
    provisions(first: 3) { totalCount edges { node { pinpoint articleNumber annotations { status code { code } } } } }
  } } } }`,
};
