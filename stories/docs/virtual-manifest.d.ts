// The generated manifest module of .storybook/main.ts (see stories/docs/manifest.ts).
declare module 'virtual:civic-elements-manifest' {
  const manifest: import('./manifest.js').Manifest;
  export default manifest;
}
