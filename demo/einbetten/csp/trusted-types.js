// Demo only. The strict page requires Trusted Types for every script sink. The in-browser mock API
// (msw) registers its service worker with a plain string, so this default policy lets exactly that
// one same-origin URL through. It defines no createHTML and no createScript: any HTML or script
// sink the library used would still be blocked and fire a securitypolicyviolation event.
const WORKER = new URL('/mockServiceWorker.js', location.href).href;

if (window.trustedTypes?.createPolicy) {
  window.trustedTypes.createPolicy('default', {
    createScriptURL(url) {
      // null: the browser blocks the sink and reports a securitypolicyviolation.
      return new URL(url, location.href).href === WORKER ? url : null;
    },
  });
}
