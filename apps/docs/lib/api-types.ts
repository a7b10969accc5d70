/** What kind of declaration an export is. */
export type ApiKind = 'function' | 'class' | 'interface' | 'type' | 'enum' | 'const';

/** One export of a package, as the API reference shows it. */
export interface ApiEntry {
  readonly name: string;
  /** Anchor on the reference page: `<package>-<name>`. */
  readonly id: string;
  readonly kind: ApiKind;
  /** The declaration without bodies. */
  readonly signature: string;
  /** The TSDoc summary. */
  readonly doc: string;
  /** TSDoc block tags (`@example`, `@see`, `@default`, `@param`...). */
  readonly tags: readonly { readonly name: string; readonly text: string }[];
  /** Repository-relative path and line of the declaration. */
  readonly source: string;
  readonly file: string;
}

/** One public package. */
export interface ApiPackage {
  readonly name: string;
  readonly description: string;
  /** The `@packageDocumentation` comment of the entry file. */
  readonly doc: string;
  readonly exports: readonly ApiEntry[];
}

/** The generated API reference (`generated/api.generated.json`). */
export interface ApiReference {
  readonly packages: readonly ApiPackage[];
}
