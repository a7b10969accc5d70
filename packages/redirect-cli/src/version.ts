// The bundler inlines only this field of package.json, so the version cannot drift from it.
import { version } from '../package.json';

/** The version of `@org/redirect-cli`, printed by `redirects --version` / `-V`. */
export const cliVersion: string = version;
