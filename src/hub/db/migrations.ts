/**
 * The hub's schema, as numbered migrations. Append new ones; never edit one that has shipped,
 * because hubs already running have recorded it as applied. Each migration is a list of single
 * statements (PGlite's extended protocol runs one statement per query).
 */
export interface Migration {
  version: number;
  name: string;
  statements: readonly string[];
}

const ROLES = `array['assessor', 'facilitator', 'chair', 'admin']`;
/** Migration 5 adds the scoring lead (back-reading) and the issuing platform's machine account. */
const ROLES_SINCE_5 = `array['assessor', 'facilitator', 'chair', 'admin', 'lead', 'platform']`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'accounts, packets, windows, assignments, scores, audit log',
    statements: [
      `create table users (
        id uuid primary key,
        username text not null unique,
        password_hash text not null,
        roles text[] not null check (cardinality(roles) > 0 and roles <@ ${ROLES}),
        created_at timestamptz not null default now()
      )`,
      // One row per sign-in. Tokens are random and stored only as sha256 digests (auth/tokens.ts).
      `create table sessions (
        id uuid primary key,
        user_id uuid not null references users (id) on delete cascade,
        created_at timestamptz not null default now(),
        expires_at timestamptz not null,
        revoked_at timestamptz
      )`,
      `create table session_tokens (
        token_hash text primary key,
        session_id uuid not null references sessions (id) on delete cascade,
        kind text not null check (kind in ('access', 'refresh')),
        expires_at timestamptz not null,
        used_at timestamptz
      )`,
      `create index session_tokens_session on session_tokens (session_id)`,
      `create table review_windows (
        id uuid primary key,
        name text not null,
        opens_at timestamptz not null,
        closes_at timestamptz not null,
        decisions_due_at timestamptz not null,
        status text not null check (status in ('scheduled', 'open', 'closed')),
        created_at timestamptz not null default now(),
        check (opens_at < closes_at and closes_at <= decisions_due_at)
      )`,
      // school and district exist only for conflict-of-interest checks; they are never part of
      // what an assessor is sent (routes/packets.ts builds the assessor view without them).
      `create table packets (
        id uuid primary key,
        manifest jsonb not null,
        manifest_sha256 text not null,
        credential_id text not null,
        credential_title text not null,
        pseudonym text not null,
        attempt integer not null,
        submitted_at timestamptz not null,
        uploaded_at timestamptz not null default now(),
        uploaded_by uuid references users (id),
        school text,
        district text
      )`,
      // The evidence files of a packet; the bytes live in the BlobStore under their sha256.
      `create table evidence (
        packet_id uuid not null references packets (id) on delete cascade,
        evidence_id text not null,
        sha256 text not null,
        bytes bigint not null,
        media_type text not null,
        primary key (packet_id, evidence_id)
      )`,
      `create index evidence_sha256 on evidence (sha256)`,
      `create table assignments (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        assessor_id uuid not null references users (id),
        assigned_at timestamptz not null default now(),
        assigned_by uuid references users (id),
        unique (window_id, packet_id, assessor_id)
      )`,
      `create index assignments_assessor on assignments (assessor_id)`,
      `create index assignments_packet on assignments (packet_id)`,
      `create table conflicts (
        id uuid primary key,
        assessor_id uuid not null references users (id) on delete cascade,
        school text,
        district text,
        declared_at timestamptz not null default now(),
        check (school is not null or district is not null)
      )`,
      `create index conflicts_assessor on conflicts (assessor_id)`,
      // One row per submitted revision: a new revision is a new row (the client gives every
      // submission its own review id), so history is kept and nothing is ever overwritten.
      `create table scores (
        id uuid primary key,
        packet_id uuid not null references packets (id),
        assessor_id uuid not null references users (id),
        revision integer not null check (revision >= 1),
        base_revision integer not null check (base_revision >= 0 and base_revision < revision),
        record jsonb not null,
        received_at timestamptz not null default now(),
        unique (packet_id, assessor_id, revision)
      )`,
      // No foreign key on actor: the trail must outlive the accounts it mentions.
      `create table audit_log (
        id bigint generated always as identity primary key,
        actor uuid,
        action text not null,
        subject text not null,
        at timestamptz not null default now(),
        detail jsonb not null default '{}'::jsonb
      )`,
      `create index audit_log_subject on audit_log (subject)`,
    ],
  },
  {
    version: 2,
    name: 'disabled accounts',
    // A disabled account cannot sign in and its sessions end; its rows (scores, assignments,
    // audit) stay, which is why accounts are disabled rather than deleted.
    statements: [`alter table users add column disabled_at timestamptz`],
  },
  {
    version: 3,
    name: 'norming sessions, anchors, master scores, participants, norming scores, consensus, qualifications',
    statements: [
      // An anchor packet is used for norming only: never assigned for live scoring.
      `alter table packets add column is_anchor boolean not null default false`,
      `create table norming_sessions (
        id uuid primary key,
        title text not null,
        credential_id text not null,
        mode text not null check (mode in ('calibration', 'qualification')),
        status text not null check (status in ('open', 'revealed', 'closed')),
        thresholds jsonb not null,
        created_by uuid references users (id),
        created_at timestamptz not null,
        revealed_at timestamptz,
        closed_at timestamptz
      )`,
      `create table norming_anchors (
        session_id uuid not null references norming_sessions (id) on delete cascade,
        packet_id uuid not null references packets (id),
        position integer not null,
        primary key (session_id, packet_id)
      )`,
      // One row per master level revision: a change with a reason adds a row, so history is kept.
      `create table norming_masters (
        session_id uuid not null,
        packet_id uuid not null,
        criterion_id text not null,
        revision integer not null check (revision >= 1),
        level_id text not null,
        rationale text not null,
        reason text,
        set_by uuid,
        set_at timestamptz not null,
        primary key (session_id, packet_id, criterion_id, revision),
        foreign key (session_id, packet_id) references norming_anchors (session_id, packet_id) on delete cascade
      )`,
      `create table norming_participants (
        session_id uuid not null references norming_sessions (id) on delete cascade,
        user_id uuid not null references users (id),
        reopened_at timestamptz,
        primary key (session_id, user_id)
      )`,
      `create table norming_scores (
        id uuid primary key,
        session_id uuid not null,
        packet_id uuid not null,
        assessor_id uuid not null,
        revision integer not null check (revision >= 1),
        base_revision integer not null check (base_revision >= 0 and base_revision < revision),
        record jsonb not null,
        received_at timestamptz not null,
        late boolean not null,
        unique (session_id, packet_id, assessor_id, revision),
        foreign key (session_id, packet_id) references norming_anchors (session_id, packet_id) on delete cascade,
        foreign key (session_id, assessor_id) references norming_participants (session_id, user_id) on delete cascade
      )`,
      `create table norming_consensus (
        session_id uuid not null references norming_sessions (id) on delete cascade,
        criterion_id text not null,
        revision integer not null check (revision >= 1),
        notes text not null,
        rationale text not null,
        decided_by uuid,
        decided_at timestamptz not null,
        primary key (session_id, criterion_id, revision)
      )`,
      `create table qualifications (
        id uuid primary key,
        user_id uuid not null references users (id),
        credential_id text not null,
        session_id uuid not null references norming_sessions (id),
        qualified boolean not null,
        exact double precision,
        adjacent double precision,
        recorded_at timestamptz not null,
        expires_at timestamptz not null
      )`,
      `create index qualifications_user on qualifications (user_id, credential_id, expires_at)`,
      // A window may require a current qualification in a credential of everyone assigned in it.
      `alter table review_windows add column required_qualification text`,
    ],
  },
  {
    version: 4,
    name: 'scoring policy per window, second-scoring routing, adjudications',
    statements: [
      `alter table review_windows add column scoring_policy jsonb`,
      // Why a packet got (or did not get) a second scoring: decided once, on its first score.
      `create table second_scoring (
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        first_score_id uuid not null,
        reasons text[] not null,
        assignment_id uuid,
        note text,
        decided_at timestamptz not null,
        primary key (window_id, packet_id)
      )`,
      `create table adjudications (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        score_ids uuid[] not null,
        discrepancies jsonb not null,
        status text not null check (status in ('open', 'resolved')),
        opened_at timestamptz not null,
        unique (window_id, packet_id)
      )`,
    ],
  },
  {
    version: 5,
    name: 'scoring leads and platform accounts',
    statements: [
      `alter table users drop constraint users_roles_check`,
      `alter table users add constraint users_roles_check check (cardinality(roles) > 0 and roles <@ ${ROLES_SINCE_5})`,
    ],
  },
  {
    version: 6,
    name: 'adjudication resolutions, decisions with threads, releases, candidate identities',
    statements: [
      // The committee's own decision types (labels mapped to outcomes); null: earned / not yet / unscorable.
      `alter table review_windows add column decision_types jsonb`,
      // The adjudicator's resolved scoring; the two original scorings are never changed.
      `create table adjudication_resolutions (
        adjudication_id uuid primary key references adjudications (id),
        criteria jsonb not null,
        decision jsonb not null,
        note text not null,
        resolved_by uuid not null references users (id),
        resolved_at timestamptz not null
      )`,
      `create table packet_threads (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        author_id uuid not null references users (id),
        body text not null,
        posted_at timestamptz not null
      )`,
      `create index packet_threads_packet on packet_threads (window_id, packet_id, posted_at)`,
      // One row per decision revision: re-deciding before release adds a row, so history is kept.
      `create table decisions (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        revision integer not null check (revision >= 1),
        decision_type jsonb not null,
        outcome text not null check (outcome in ('earned', 'not-yet', 'unscorable')),
        decision jsonb not null,
        criteria jsonb not null,
        feedback jsonb not null,
        reason text not null,
        decided_by uuid references users (id),
        decided_at timestamptz not null,
        unique (window_id, packet_id, revision)
      )`,
      `create table releases (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        released_by uuid references users (id),
        released_at timestamptz not null,
        packet_count integer not null
      )`,
      // A packet is released once per window, with exactly the decision revision that was current.
      `create table released_decisions (
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        release_id uuid not null references releases (id),
        decision_id uuid not null references decisions (id),
        primary key (window_id, packet_id)
      )`,
      `create index released_decisions_release on released_decisions (release_id)`,
      // Who the pseudonymous candidate is: held apart from packets, never sent to assessors.
      `create table candidate_identities (
        packet_id uuid primary key references packets (id),
        name text not null,
        email text,
        external_id text,
        set_by uuid references users (id),
        set_at timestamptz not null
      )`,
      `create table identity_reveals (
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        reason text not null,
        revealed_by uuid not null references users (id),
        revealed_at timestamptz not null,
        primary key (window_id, packet_id)
      )`,
    ],
  },
  {
    version: 7,
    name: 'validity packets and scorer pauses',
    statements: [
      // A packet with known master levels, seeded into live queues of one window; its assignments
      // are ordinary assignment rows, so nothing an assessor reads tells them apart.
      `create table validity_packets (
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        masters jsonb not null,
        master_decision text not null check (master_decision in ('earned', 'not-yet')),
        marked_by uuid,
        marked_at timestamptz not null,
        primary key (window_id, packet_id)
      )`,
      // A chair's pause of an assessor in a window; with recalibrate, it lasts until the assessor
      // holds the window's required qualification recorded after paused_at (or a chair resumes).
      `create table scorer_pauses (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        user_id uuid not null references users (id),
        recalibrate boolean not null,
        reason text not null,
        paused_by uuid,
        paused_at timestamptz not null,
        resumed_by uuid,
        resumed_at timestamptz,
        resume_reason text
      )`,
      `create unique index scorer_pauses_open on scorer_pauses (window_id, user_id) where resumed_at is null`,
    ],
  },
  {
    version: 8,
    name: 'back-reading notes',
    statements: [
      // A back-reader's private note on a scored packet of a window: never shown to assessors or
      // candidates. Kept, never edited: a second thought is a second note.
      `create table back_read_notes (
        id uuid primary key,
        window_id uuid not null references review_windows (id),
        packet_id uuid not null references packets (id),
        author uuid not null references users (id),
        text text not null,
        at timestamptz not null
      )`,
      `create index back_read_notes_packet on back_read_notes (window_id, packet_id, at)`,
    ],
  },
  {
    version: 11,
    name: 'the packet list: keyset order, validity by packet',
    statements: [
      // GET /api/v1/packets pages newest upload first by (uploaded_at, id): the index walks a page
      // in order and stops, instead of sorting every packet for each page.
      `create index packets_uploaded on packets (uploaded_at desc, id desc)`,
      // "Is it a validity packet of any window?" per listed packet; the key starts with window_id.
      `create index validity_packets_packet on validity_packets (packet_id)`,
      // A viewer's conflicted packets by the normalised names conflictMatch (store/conflicts.ts)
      // compares: index lookups per declaration instead of normalising every packet's school and
      // district on each list, dashboard or back-reading read.
      `create index packets_school_key on packets (lower(btrim(school))) where school is not null`,
      `create index packets_district_key on packets (lower(btrim(district))) where district is not null`,
    ],
  },
];
