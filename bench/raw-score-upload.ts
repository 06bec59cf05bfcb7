import { Agent, request } from 'node:http';
import type { PutScoreResult } from './hub-clients';

/**
 * The bench's lean load generator for score bursts: the same PUT /api/v1/scores/{id} an
 * assessor's HubClient sends, on node:http with kept-alive sockets and bodies serialised before
 * the clock starts.
 *
 * Why not HubClient for bursts: the bench plays 200 assessors in one process on the hub's own
 * machine, so every request also waits for the other 199 assessors' client work. With fetch that
 * work (about 0.6–0.9 ms of CPU per request here) outweighed the hub's own (about 0.5 ms), so a
 * burst measured the load generator more than the hub. No real assessor waits for 199 other
 * clients; this generator keeps that artefact small. HubClient itself is measured in the steady
 * round.
 */
export class RawScoreUploader {
  private readonly agent = new Agent({ keepAlive: true, maxSockets: Infinity });

  constructor(private readonly hubUrl: string) {}

  /** PUTs one prepared body; answers like HubClient.putScore (stored or conflict) or an error. */
  put(upload: PreparedUpload): Promise<PutScoreResult> {
    const begin = performance.now();
    return new Promise<PutScoreResult>((resolve) => {
      const finish = (outcome: PutScoreResult['outcome']) =>
        resolve({ username: upload.username, scoreId: upload.scoreId, ms: performance.now() - begin, outcome });
      const req = request(
        `${this.hubUrl}/api/v1/scores/${upload.scoreId}`,
        {
          method: 'PUT',
          agent: this.agent,
          headers: {
            'Content-Type': 'application/json',
            'Content-Length': upload.body.length,
            Authorization: `Bearer ${upload.accessToken}`,
          },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            const text = Buffer.concat(chunks).toString('utf8');
            const status = res.statusCode ?? 0;
            try {
              if (status === 200 || status === 201) finish({ kind: 'stored', receipt: JSON.parse(text) });
              else if (status === 409) {
                const body = JSON.parse(text) as { server?: unknown; error?: { message?: string } };
                finish({
                  kind: 'conflict',
                  server: (body.server ?? null) as never,
                  message: body.error?.message ?? '',
                });
              } else finish({ kind: 'error', message: `${status} ${text.slice(0, 200)}` });
            } catch (error) {
              finish({ kind: 'error', message: `${status}: ${String(error)}` });
            }
          });
          res.on('error', (error) => finish({ kind: 'error', message: String(error) }));
        },
      );
      req.on('error', (error) => finish({ kind: 'error', message: String(error) }));
      req.end(upload.body);
    });
  }

  close(): void {
    this.agent.destroy();
  }
}

/** One upload ready to send: its JSON body serialised ahead of time. */
export interface PreparedUpload {
  username: string;
  scoreId: string;
  accessToken: string;
  body: Buffer;
}
