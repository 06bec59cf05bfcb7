import { db, type AnchorDatabase } from './db';
import { uploadDue, type Upload } from './outbox';

/** However far off the next retry is, look again this often: another tab may have queued work. */
const LONGEST_SLEEP_MS = 5_000;

export interface OutboxRunner {
  /** Look at the outbox now (after a submit, a sign-in, "Retry now"). */
  wake(): void;
  stop(): void;
}

/**
 * Keeps the outbox moving for as long as the app is open: uploads what is due, then sleeps
 * until the next entry is due (at most a few seconds). Because the outbox lives in IndexedDB,
 * a restart simply picks up where the last run stopped.
 */
export function startOutbox(upload: Upload, database: AnchorDatabase = db): OutboxRunner {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let again = false;
  let stopped = false;

  const schedule = async () => {
    const pending = await database.outbox.where('status').equals('pending').toArray();
    const next = Math.min(...pending.map((e) => e.nextAttemptAt), Date.now() + LONGEST_SLEEP_MS);
    if (!stopped) timer = setTimeout(tick, Math.max(100, next - Date.now()));
  };

  async function tick(): Promise<void> {
    clearTimeout(timer);
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = true;
    try {
      do {
        again = false;
        await uploadDue(upload, database);
      } while (again && !stopped);
    } catch (error) {
      console.error('outbox: upload round failed', error);
    } finally {
      running = false;
    }
    await schedule().catch(() => {
      if (!stopped) timer = setTimeout(tick, LONGEST_SLEEP_MS);
    });
  }

  void tick();
  return {
    wake: () => void tick(),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
