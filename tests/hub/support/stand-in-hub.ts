import { createServer, type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { MemoryTokenStore } from '../../../src/main/hub/token-store';

export interface StandInHub {
  url: string;
  /** Signed in to the stand-in already (the tokens are placeholders it never checks). */
  tokens: MemoryTokenStore;
  close(): Promise<void>;
}

/**
 * A bare HTTP server playing a hub that misbehaves the one way a test needs (silence, a cut-off
 * body, a quiet event stream), with a token store signed in to it: the desktop client cannot tell
 * it from a real hub until it answers.
 */
export async function startStandInHub(handler: RequestListener): Promise<StandInHub> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const tokens = new MemoryTokenStore();
  await tokens.save({
    hubUrl: url,
    accessToken: 'access',
    refreshToken: 'refresh',
    user: { id: 'u1', username: 'assessor1', roles: ['assessor'] },
  });
  return {
    url,
    tokens,
    async close() {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
