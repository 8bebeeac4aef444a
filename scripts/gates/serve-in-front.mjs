// Serves a few fixed files in front of the demo server's own handler (gates and benchmarks).

/** `files`: pathname → `{ type, body }`; every other request goes to the server's handler. */
export function serveInFront(server, files) {
  const [handler] = server.listeners('request');
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const file = files[new URL(req.url ?? '/', 'http://localhost').pathname];
    if (!file) return handler.call(server, req, res);
    res.writeHead(200, { 'Content-Type': file.type, 'Content-Length': file.body.length, 'Cache-Control': 'no-cache' });
    res.end(file.body);
  });
}
