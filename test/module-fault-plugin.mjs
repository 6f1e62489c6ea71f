// @web/test-runner plugin: lets a browser test make its own page's requests for a module fail, as a network fault
// does, to check what an element shows when its lazily loaded code does not arrive. Only the asking test's page is
// affected (puppeteer's request interception on that page), not the test files running beside it.
// A test asks for it with executeServerCommand('pk-fail-module', { path, fail: true | false }); the answer is how
// many requests for that path failed since the fault began (an element must not ask again and again).
export function moduleFaultPlugin() {
  /** Per page: the paths whose requests fail, with how many have failed. */
  const failing = new WeakMap();
  return {
    name: 'pk-module-fault',
    async executeCommand({ command, payload, session }) {
      if (command !== 'pk-fail-module') return undefined;
      const page = session.browser.getPage(session.id);
      let paths = failing.get(page);
      if (!paths) {
        paths = new Map();
        failing.set(page, paths);
        // A module an earlier test file loaded would come from the memory cache, past the interception.
        await page.setCacheEnabled(false);
        await page.setRequestInterception(true);
        page.on('request', (req) => {
          if (req.isInterceptResolutionHandled()) return;
          const { pathname } = new URL(req.url());
          const path = [...paths.keys()].find((p) => pathname.endsWith(p));
          if (path === undefined) return void req.continue();
          paths.set(path, paths.get(path) + 1);
          void req.abort('internetdisconnected');
        });
      }
      const failed = paths.get(payload.path) ?? 0;
      if (payload.fail) paths.set(payload.path, failed);
      else paths.delete(payload.path);
      return failed;
    },
  };
}
