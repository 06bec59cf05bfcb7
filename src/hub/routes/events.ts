import { seesEverything } from '../auth/principal';
import { implementRoute } from '../http/route';
import { API_HEADERS } from '../http/respond';

export const getEvents = implementRoute('events', async ({ hub, principal, req, res }) => {
  res.writeHead(200, {
    ...API_HEADERS,
    'Content-Type': 'text/event-stream; charset=utf-8',
    Connection: 'keep-alive',
    // Reverse proxies (nginx) would otherwise buffer the stream and deliver events late.
    'X-Accel-Buffering': 'no',
  });
  res.write('retry: 5000\n\n');
  let sequence = 0;
  const cleanups: (() => void)[] = [];
  const close = () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    res.end();
  };
  cleanups.push(
    hub.events.subscribe((event, audience) => {
      if (seesEverything(principal) || audience.has(principal.userId))
        res.write(`id: ${++sequence}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
    }),
    hub.events.onSessionEnded((sessionId) => {
      if (sessionId === principal.sessionId) close();
    }),
    // What this stream may see was decided from the roles at connect time.
    hub.events.onUserChanged((userId) => {
      if (userId === principal.userId) close();
    }),
    hub.events.onClosing(close),
  );
  const heartbeat = setInterval(() => res.write(': keep-alive\n\n'), hub.heartbeatMs);
  // A stream outliving its token would let a revoked or expired credential keep listening.
  const expiry = setTimeout(
    () => {
      res.write('event: session-expired\ndata: {}\n\n');
      close();
    },
    Math.max(0, principal.accessExpiresAt - hub.now()),
  );
  cleanups.push(
    () => clearInterval(heartbeat),
    () => clearTimeout(expiry),
  );
  req.on('close', close);
});
