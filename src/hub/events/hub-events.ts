import { EventEmitter } from 'node:events';
import type { HubEvent } from '../../shared/contract/hub-api';

/**
 * Live changes, in process: routes publish after their transaction commits, and each open
 * /api/v1/events stream forwards what its caller may see. One hub process is one emitter; a
 * clustered deployment would put PostgreSQL LISTEN/NOTIFY behind this same interface.
 */
export class HubEvents {
  private readonly emitter = new EventEmitter();

  constructor() {
    // Every open event stream is a listener; there is no meaningful limit to warn about.
    this.emitter.setMaxListeners(0);
  }

  /**
   * Sends an event to every open stream that may see it: chairs and admins see all of them, other
   * callers only those whose `audience` names them. The audience defaults to the assessor an
   * event is about; an event about a window names the assessors assigned in it.
   */
  publish(event: HubEvent, audience: readonly string[] = 'assessorId' in event ? [event.assessorId] : []): void {
    this.emitter.emit('event', event, new Set(audience));
  }

  subscribe(listener: (event: HubEvent, audience: ReadonlySet<string>) => void): () => void {
    this.emitter.on('event', listener);
    return () => this.emitter.off('event', listener);
  }

  /** Tells open streams that a session ended (logout), so they close at once. */
  sessionEnded(sessionId: string): void {
    this.emitter.emit('session-ended', sessionId);
  }

  onSessionEnded(listener: (sessionId: string) => void): () => void {
    this.emitter.on('session-ended', listener);
    return () => this.emitter.off('session-ended', listener);
  }

  /**
   * Tells open streams that an account's roles or status changed: a stream decided what its
   * caller may see when it opened, so the account's streams close and reconnect with the new rights.
   */
  userChanged(userId: string): void {
    this.emitter.emit('user-changed', userId);
  }

  onUserChanged(listener: (userId: string) => void): () => void {
    this.emitter.on('user-changed', listener);
    return () => this.emitter.off('user-changed', listener);
  }

  /**
   * In process only: a window's scoring policy may have changed (a window created or changed), so
   * the score routing looks again instead of trusting what it knew.
   */
  policiesChanged(): void {
    this.emitter.emit('policies-changed');
  }

  onPoliciesChanged(listener: () => void): () => void {
    this.emitter.on('policies-changed', listener);
    return () => this.emitter.off('policies-changed', listener);
  }

  /** Tells every open stream the hub is shutting down, so each ends cleanly (clients reconnect later). */
  closing(): void {
    this.emitter.emit('closing');
  }

  onClosing(listener: () => void): () => void {
    this.emitter.on('closing', listener);
    return () => this.emitter.off('closing', listener);
  }
}
