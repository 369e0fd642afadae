import helmet from 'helmet';

/**
 * What the explorer page needs and nothing more: its inlined scripts and styles, fonts as data
 * URLs, editor workers started from blobs, and calls (HTTP and graphql-ws) to this same origin.
 * Nothing may load from anywhere else, and no other site may frame it.
 */
export const explorerContentPolicy = helmet.contentSecurityPolicy({
  useDefaults: false,
  directives: {
    defaultSrc: ["'none'"],
    scriptSrc: ["'self'", "'unsafe-inline'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    fontSrc: ["'self'", 'data:'],
    imgSrc: ["'self'", 'data:'],
    workerSrc: ['blob:'],
    connectSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
    formAction: ["'none'"],
  },
});
