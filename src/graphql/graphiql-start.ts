const DEFAULT_QUERY = `# Clause Tracker: trade agreements and their cultural clauses.
# Press the run button (or Ctrl-Enter). The Docs panel lists every type.
{
  agreements(first: 5, filter: { annotations: { codes: [CULTURAL_EXEMPTION] } }) {
    totalCount
    edges {
      node {
        slug
        title
        dateSigned
        parties { party { code name } }
        provisions(first: 3, filter: { annotations: { codes: [CULTURAL_EXEMPTION] } }) {
          edges { node { pinpoint articleNumber summary annotations { code { code } bindingForce } } }
        }
      }
    }
  }
}
`;

/** The script that starts GraphiQL in the page GraphiqlMiddleware serves (sent as /graphiql/start.js). */
export const GRAPHIQL_START_SCRIPT = `
const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
ReactDOM.createRoot(document.getElementById('graphiql')).render(
  React.createElement(GraphiQL, { fetcher, defaultQuery: ${JSON.stringify(DEFAULT_QUERY)}, defaultEditorToolsVisibility: true }),
);
`;
