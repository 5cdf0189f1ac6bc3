/** The Confluence macro on Forge: its resolver and its `adfExport` function. */
import { toForgeResolver } from '../adapters/forge/forge-resolver';
import { macroExportHandler } from '../resolvers/macro-export';
import { macroHandlers } from '../resolvers/macro-resolver';
import { forgeMacroDeps } from './forge-deps';

export const macroResolver = toForgeResolver(macroHandlers(forgeMacroDeps));

export const macroExport = macroExportHandler(forgeMacroDeps);
