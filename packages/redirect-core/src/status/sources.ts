// The table moved to its own entry, `@org/redirect-core/sources`, so that `/status` and
// `/next-request` bundles carry source ids, not the titles and URLs behind them.
export { type SourceId, sources } from '../sources/sources';
