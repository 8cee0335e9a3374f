// The extractor's version, in a module of its own so that ingest's main thread can name it
// without loading the extractor.
export const EXTRACTOR_VERSION = "1.1.0";
