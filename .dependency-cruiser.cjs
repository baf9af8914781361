// The import graph's rules, checked in CI by `npm run lint:deps` (dependency-cruiser).
// Type-only imports count: a circle held together by `import type` is still a circle.

// The server components entered only through their index.ts (server-components-through-index).
// A component joins once it is outside the big component-level circle (see that rule's comment).
const WALLED_COMPONENTS = [
  'admin',
  'alerts',
  'api-keys',
  'appraisals',
  'audit',
  'auth',
  'bids',
  'brokers',
  'capability',
  'deal-upkeep',
  'demands',
  'demo',
  'deals',
  'documents',
  'events',
  'experts',
  'federation',
  'fees',
  'health',
  'listing-images',
  'listings',
  'mail',
  'matching',
  'metrics',
  'migrations',
  'negotiation',
  'notifications',
  'offers',
  'organizations',
  'owner-list-sync',
  'payments',
  'read-models',
  'realtime',
  'scheduler',
  'search-api',
  'search-sync',
  'stats',
];
const walledComponents = `^server/(${WALLED_COMPONENTS.join('|')})/`;

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular-server',
      severity: 'error',
      comment: 'The server has no import circles: a lower module never imports one above it.',
      from: { path: '^server/' },
      to: { circular: true },
    },
    {
      name: 'api-contract-is-a-leaf',
      severity: 'error',
      comment:
        'The shared API contract (enums, labels, socket events) sits at the bottom of the graph: ' +
        'it imports nothing outside itself, so server and client can both import it.',
      from: { path: '^server/api-contract/' },
      to: { pathNot: ['^server/api-contract/', '^node_modules/'], dependencyTypesNot: ['core'] },
    },
    {
      name: 'client-only-api-contract',
      severity: 'error',
      comment: 'The client shares only the API contract with the server, no other server file.',
      from: { path: '^client/src/' },
      to: { path: '^server/', pathNot: '^server/api-contract/' },
    },
    {
      name: 'client-features-through-index',
      severity: 'error',
      comment:
        "A client feature uses another only through that feature's index.ts (what it chose to " +
        'share); App.tsx, api/ and ui/ sit outside the features.',
      from: { path: '^client/src/features/([^/]+)/' },
      to: {
        path: '^client/src/features/([^/]+)/',
        pathNot: ['^client/src/features/$1/', '^client/src/features/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'server-components-through-index',
      severity: 'error',
      comment:
        'A server component is entered through its front door: other components, and the top-level ' +
        'files (app.ts, exchange.ts, ...), import it only from its index.ts (what it chose to share); ' +
        'files inside a component import each other directly. A *.model.ts is left to the model rules ' +
        'below (the demo loader reads models directly). Every component is walled (WALLED_COMPONENTS ' +
        'above; common/ and api-contract/ are the shared ground beneath them). Listings, offers and ' +
        'demands import one another only as one family, the listings store writing the offer and ' +
        'demand models (left to the model rules below). With barrels, a component-level circle would ' +
        'be a file-level one (no-circular-server), so the components form layers: a lower one is ' +
        'handed what it would otherwise import from a higher one. app.ts gives deals the meeting ' +
        'check of events (meetingSourceFor), the transfer mode of the bid a deal began from ' +
        '(bidTransferModeOf) and its payments (dealPayments: payments sit above deals); matching the ' +
        'partner matches of federation (findImportedMatches); offers and demands the listing fee gate ' +
        "of payments; the admin routes give listing revisions notifications' notifier; bids hand the " +
        'deposit settlement of payments the runner-up choice and the proposals of a call. Fees are ' +
        'pure rules beneath deals, payments and bids; deal-upkeep (the sweeper and start-up ' +
        'recovery) sits above deals and payments, owner-list-sync above every store it follows. The ' +
        'scheduler knows no domain (the components own their job handlers, exchange.ts hands them ' +
        "over); an organization's members are managed by auth (users), which sits above " +
        "organizations; a deal's notices belong to deals, a message's to negotiation.",
      from: { path: '^server/([^/]+)/' },
      to: {
        path: walledComponents,
        pathNot: ['^server/$1/', '^server/[^/]+/index[.]ts$', '[.]model[.]ts$'],
      },
    },
    {
      name: 'server-top-level-through-index',
      severity: 'error',
      comment:
        'The top-level composition files (app.ts, exchange.ts, main.ts, context.ts, config.ts, ' +
        'runtime-types.ts) enter the walled components through their index.ts too (see ' +
        'server-components-through-index for the list).',
      from: { path: '^server/[^/]+[.]ts$' },
      to: {
        path: walledComponents,
        pathNot: ['^server/[^/]+/index[.]ts$'],
      },
    },
    {
      name: 'server-not-scripts',
      severity: 'error',
      comment: 'Scripts may import the server, never the reverse.',
      from: { path: '^server/' },
      to: { path: '^scripts/' },
    },
    {
      name: 'model-private-to-component',
      severity: 'error',
      comment:
        "A record's model (*.model.ts) is its component's own: other components take what the " +
        "component's index.ts exports (or read through its store). The demo loader, which fills an " +
        'empty database in bulk, is the exception; offers, demands and listings are one family (next rule).',
      from: { path: '^(server/[^/]+)/', pathNot: '^server/(demo|listings|offers|demands)/' },
      to: { path: '[.]model[.]ts$', pathNot: '^$1/' },
    },
    {
      name: 'listing-models-private-to-listings',
      severity: 'error',
      comment:
        'Offers and demands are built on the listings schema parts and written by the listings ' +
        'store: within that family their models are shared, outside it they are private.',
      from: { path: '^server/(listings|offers|demands)/' },
      to: { path: '[.]model[.]ts$', pathNot: '^server/(listings|offers|demands)/' },
    },
    {
      name: 'not-to-unresolvable',
      severity: 'error',
      comment: 'An import that does not resolve would hide an edge from the rules above.',
      from: { path: '^(server|search|scripts)/' },
      to: { couldNotResolve: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|dist|client/dist|data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default', 'types'],
      extensions: ['.ts', '.tsx', '.js', '.cjs', '.mjs', '.json', '.d.ts'],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
