import { z } from 'zod';

/** Identifiers used inside a packet: short, URL-safe, human-readable. */
export const LocalId = z.string({ error: 'must be a text identifier' }).regex(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
  error: 'must be 1–64 letters, digits, dots, dashes or underscores, starting with a letter or digit',
});

export const Uuid = z
  .string({ error: 'must be a UUID' })
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/, {
    error: 'must be a lowercase UUID such as 0b6c3f3e-2a41-4c1e-9d5b-7f3a2e1c9b10',
  });

export const IsoDateTime = z.iso.datetime({ offset: true, error: 'must be a date-time such as 2026-09-01T14:00:00Z' });

export const NonEmptyText = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });

export const Sha256Hex = z
  .string({ error: 'must be a sha256 digest' })
  .regex(/^[0-9a-f]{64}$/, { error: 'must be 64 lowercase hexadecimal characters (a sha256 digest)' });
