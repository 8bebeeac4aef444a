// The custom elements manifest as the docs pages read it: the parts of schema 2.x we show.
// `virtual:civic-elements-manifest` is generated from the sources when Storybook starts or builds
// (.storybook/main.ts), so these pages never drift from the JSDoc of the components.
import manifest from 'virtual:civic-elements-manifest';

export interface TypeText {
  text: string;
}
export interface Documented {
  name: string;
  description?: string;
  summary?: string;
  deprecated?: boolean | string;
}
export interface Attribute extends Documented {
  type?: TypeText;
  default?: string;
  fieldName?: string;
}
export interface Member extends Documented {
  kind: 'field' | 'method';
  type?: TypeText;
  default?: string;
  static?: boolean;
  privacy?: 'public' | 'private' | 'protected';
  readonly?: boolean;
  attribute?: string;
  inheritedFrom?: { name: string; module?: string };
}
export interface EventDoc extends Documented {
  type?: TypeText;
}
export interface ElementDoc extends Documented {
  kind: 'class';
  tagName: string;
  customElement: true;
  attributes?: Attribute[];
  members?: Member[];
  events?: EventDoc[];
  slots?: Documented[];
  cssParts?: Documented[];
  cssProperties?: (Documented & { syntax?: string; default?: string })[];
}
export interface Manifest {
  schemaVersion: string;
  modules: { kind: 'javascript-module'; path: string; declarations: ElementDoc[] }[];
}

export const customElementsManifest: Manifest = manifest;

/** The manifest's declaration of `tag` and the module it lives in. */
export function elementDoc(tag: string): { doc: ElementDoc; path: string } | undefined {
  for (const module of customElementsManifest.modules) {
    const doc = module.declarations.find((d) => d.tagName === tag);
    if (doc) return { doc, path: module.path };
  }
  return undefined;
}

/** Every tag in the manifest, sorted. */
export function allTags(): string[] {
  return customElementsManifest.modules.flatMap((m) => m.declarations.map((d) => d.tagName)).sort();
}

/**
 * Public properties that are not attributes (set them from JavaScript, e.g. `strings`): public,
 * non-static fields without an attribute. Attributes are listed on their own.
 */
export function propertiesOnly(doc: ElementDoc): Member[] {
  const attributeFields = new Set((doc.attributes ?? []).map((a) => a.fieldName).filter(Boolean));
  return (doc.members ?? []).filter(
    (m) => m.kind === 'field' && !m.static && (m.privacy ?? 'public') === 'public' && !m.attribute && !attributeFields.has(m.name),
  );
}
