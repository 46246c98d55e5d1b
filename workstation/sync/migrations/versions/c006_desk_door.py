"""the narrow door: desk roles reach central only through checked functions

Revision ID: c006
Revises: c005
Create Date: 2026-12-07 16:00:00.000000

Before this revision a desk role inserted into `events`, `certificates` and `audit_entries`
itself, under row-level security: any row its columns could hold went in (a garbage
certificate that stopped every desk's sync, a payload `{not json`, another desk's id), and
the advisory lock that ordered pushes could be taken by any role. Now, on PostgreSQL:

- desk roles hold no privilege on any table or sequence (only SELECT on the schema version);
- a NOLOGIN role `dnr_door_<hash of the database>` owns SECURITY DEFINER functions with a
  fixed search_path, and desk roles may only EXECUTE those: dnr_whoami, dnr_push_events,
  dnr_pull_events, dnr_certificate_fingerprints, dnr_certificates, dnr_add_certificates,
  dnr_push_audit, dnr_audit_records;
- each function binds the workstation to `session_user` (workstations.db_role) and the
  event's city (and the case's, as central first holds it) to the desk's branch, refuses
  malformed input with SQLSTATE DNR01 and a reason code of workstation.sync.door.REASONS,
  stamps `received_at` with central's clock and computes a certificate's fingerprint
  itself (sha256 of the DER);
- `events.seq` is no identity any more: the push function takes an EXCLUSIVE lock on the
  one-row table `central_order`, which no desk role can lock, and numbers the batch's new
  events densely after `last_seq`; the lock is held to commit, so seq order is commit
  order. A push that holds it (a hostile `SELECT dnr_push_events(..), pg_sleep(..)`) for
  more than a few seconds while others wait is cut off, when central's owner could give the
  door role pg_signal_backend and pg_read_all_stats (a superuser runs `central init`);
- `events.ws_seq` keeps the workstation's own number of each event (signed in the
  envelope); one workstation cannot give one number to two events.

SQLite has no roles: it gets `ws_seq`, and the gateway runs the same checks in Python
(workstation.sync.door).
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from workstation.sync.door import door_role

revision = "c006"
down_revision = "c005"
branch_labels = None
depends_on = None

# The event types this schema version knows (workstation.domain.lifecycle.EventType today;
# a test keeps them equal: a new type needs a new migration that replaces dnr_check_event).
EVENT_TYPES = (
    "ArrivalApproved",
    "ArrivalRecorded",
    "PassportChecked",
    "MedicalExamRecorded",
    "FingerprintsCaptured",
    "HousingRecorded",
    "DutyPaid",
    "DocumentAttached",
    "DocumentRemoved",
    "ApplicationPrinted",
    "ApplicationSubmitted",
    "ReviewStarted",
    "DecisionRecorded",
    "Annulled",
)
DESK_FUNCTIONS = (
    "dnr_whoami()",
    "dnr_push_events(jsonb)",
    "dnr_pull_events(bigint, text, integer)",
    "dnr_certificate_fingerprints()",
    "dnr_certificates(text[])",
    "dnr_add_certificates(bytea[], text[])",
    "dnr_push_audit(jsonb)",
    "dnr_audit_records(text)",
)
INTERNAL_FUNCTIONS = (
    "dnr_refuse(text, jsonb)",
    "dnr_binding()",
    "dnr_is_instant(jsonb)",
    "dnr_check_event(jsonb, text, text, boolean)",
    "dnr_take_order()",
    "dnr_der_ok(bytea)",
)
_TABLES = ("events", "certificates", "audit_entries", "workstations", "branches")
_RLS_TABLES = ("events", "audit_entries", "workstations", "branches")


# The pushed batch as rows (no temporary table: a desk could make one of that name first).
_BATCH_ROWS = (
    "SELECT x.ord, x.r->>'event_id' AS event_id, x.r->>'case_id' AS case_id, "
    "x.r->>'city' AS city, x.r->>'type' AS type, x.r->>'payload' AS payload, "
    "x.r->>'actor_iin' AS actor_iin, x.r->>'actor_fingerprint' AS actor_fingerprint, "
    "x.r->>'workstation_id' AS workstation_id, x.r->>'recorded_at' AS recorded_at, "
    "decode(x.r->>'signature', 'base64') AS signature, (x.r->>'ws_seq')::bigint AS ws_seq "
    "FROM jsonb_array_elements(batch) WITH ORDINALITY AS x(r, ord)"
)


def _functions(schema: str) -> list[str]:
    # pg_temp last: a desk role may make temporary tables, which must never shadow ours.
    path = f"SET search_path = pg_catalog, {schema}, pg_temp"
    types = ", ".join(f"'{t}'" for t in EVENT_TYPES)
    definer = f"SECURITY DEFINER {path}"
    rows = _BATCH_ROWS
    return [
        # Raise a refusal the gateway maps to DoorRefused: MESSAGE = code, HINT = params.
        f"""CREATE FUNCTION dnr_refuse(code text, params jsonb) RETURNS void
        LANGUAGE plpgsql {definer} AS $$
        BEGIN
          RAISE EXCEPTION USING ERRCODE = 'DNR01', MESSAGE = code, HINT = params::text;
        END $$""",
        # Who is calling: a workstation (bound to its id and branch's city) or the owner.
        f"""CREATE FUNCTION dnr_binding(OUT ws text, OUT city text, OUT desk boolean)
        LANGUAGE plpgsql STABLE {definer} AS $$
        BEGIN
          SELECT w.workstation_id, b.city INTO ws, city FROM workstations w
            JOIN branches b ON b.branch_id = w.branch_id WHERE w.db_role = session_user;
          IF FOUND THEN desk := true; RETURN; END IF;
          IF has_table_privilege(session_user, 'events', 'INSERT') THEN
            ws := NULL; city := NULL; desk := false; RETURN;
          END IF;
          PERFORM dnr_refuse('not_a_workstation', '{{}}');
        END $$""",
        f"""CREATE FUNCTION dnr_whoami(OUT workstation_id text, OUT branch_id text,
          OUT city text, OUT name text) RETURNS SETOF record
        LANGUAGE sql STABLE {definer} AS $$
          SELECT w.workstation_id, b.branch_id, b.city, b.name FROM workstations w
            JOIN branches b ON b.branch_id = w.branch_id WHERE w.db_role = session_user
        $$""",
        f"""CREATE FUNCTION dnr_is_instant(v jsonb) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE {definer} AS $$
        BEGIN
          IF jsonb_typeof(v) IS DISTINCT FROM 'string' OR (v #>> '{{}}') !~ ('^[0-9]{{4}}-'
             '[0-9]{{2}}-[0-9]{{2}}T[0-9]{{2}}:[0-9]{{2}}:[0-9]{{2}}\\.[0-9]{{6}}Z$') THEN
            RETURN false;
          END IF;
          PERFORM (left(v #>> '{{}}', 19))::timestamp;
          RETURN true;
        EXCEPTION WHEN OTHERS THEN
          RETURN false;
        END $$""",
        # One pushed event: refuse what central must not take (mirrors door.check_event).
        f"""CREATE FUNCTION dnr_check_event(r jsonb, bound_ws text, bound_city text,
          desk boolean) RETURNS void
        LANGUAGE plpgsql {definer} AS $$
        DECLARE
          ev text := CASE WHEN jsonb_typeof(r->'event_id') = 'string'
                     AND length(r->>'event_id') <= 64 THEN r->>'event_id' ELSE '?' END;
          f text;
          ok boolean;
          payload_ok boolean;
        BEGIN
          IF jsonb_typeof(r) IS DISTINCT FROM 'object' THEN
            PERFORM dnr_refuse('field', jsonb_build_object('event', '?', 'field', 'event'));
          END IF;
          IF ev !~ '^[0-9a-f]{{8}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{4}}-[0-9a-f]{{12}}$' THEN
            PERFORM dnr_refuse('field', jsonb_build_object('event', ev, 'field', 'event_id'));
          END IF;
          FOREACH f IN ARRAY ARRAY['case_id', 'workstation_id', 'actor_iin',
                                   'actor_fingerprint', 'city'] LOOP
            ok := jsonb_typeof(r->f) = 'string' AND (r->>f) ~ CASE f
              WHEN 'case_id' THEN '^[A-Za-z0-9][A-Za-z0-9._-]{{0,39}}$'
              WHEN 'workstation_id' THEN '^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$'
              WHEN 'actor_iin' THEN '^[0-9]{{12}}$'
              WHEN 'actor_fingerprint' THEN '^([0-9a-f]{{64}})?$'
              ELSE '^[^[:space:][:cntrl:]]([^[:cntrl:]]{{0,58}}[^[:space:][:cntrl:]])?$' END;
            IF ok IS NOT TRUE THEN
              PERFORM dnr_refuse('field', jsonb_build_object('event', ev, 'field', f));
            END IF;
          END LOOP;
          IF jsonb_typeof(r->'type') IS DISTINCT FROM 'string'
             OR NOT (r->>'type' = ANY (ARRAY[{types}])) THEN
            PERFORM dnr_refuse('type_unknown',
              jsonb_build_object('event', ev,
                'type', left(coalesce((r->'type')::text, 'None'), 60)));
          END IF;
          IF desk AND r->>'type' = 'ArrivalApproved' THEN
            PERFORM dnr_refuse('type_not_for_desks',
              jsonb_build_object('event', ev, 'type', r->>'type'));
          END IF;
          IF jsonb_typeof(r->'payload') IS DISTINCT FROM 'string' THEN
            PERFORM dnr_refuse('payload', jsonb_build_object('event', ev));
          END IF;
          IF octet_length(r->>'payload') > 65536 THEN
            PERFORM dnr_refuse('payload_size', jsonb_build_object('event', ev, 'limit', 65536));
          END IF;
          BEGIN
            payload_ok := jsonb_typeof((r->>'payload')::jsonb) = 'object';
          EXCEPTION WHEN OTHERS THEN
            payload_ok := false;
          END;
          IF NOT payload_ok THEN
            PERFORM dnr_refuse('payload', jsonb_build_object('event', ev));
          END IF;
          IF NOT dnr_is_instant(r->'recorded_at') THEN
            PERFORM dnr_refuse('instant',
              jsonb_build_object('event', ev, 'field', 'recorded_at'));
          END IF;
          IF jsonb_typeof(coalesce(r->'signature', 'null')) NOT IN ('null', 'string')
             OR (jsonb_typeof(r->'signature') = 'string'
                 AND (r->>'signature' !~ '^[A-Za-z0-9+/]*={{0,2}}$'
                      OR length(r->>'signature') > 43692)) THEN
            PERFORM dnr_refuse('signature', jsonb_build_object('event', ev, 'limit', 32768));
          END IF;
          IF jsonb_typeof(coalesce(r->'ws_seq', 'null')) <> 'null'
             AND (jsonb_typeof(r->'ws_seq') <> 'number'
                  OR (r->>'ws_seq') !~ '^[1-9][0-9]{{0,18}}$'
                  OR (r->>'ws_seq')::numeric > 9223372036854775807) THEN
            PERFORM dnr_refuse('ws_seq', jsonb_build_object('event', ev));
          END IF;
          IF bound_ws IS NOT NULL AND r->>'workstation_id' <> bound_ws THEN
            PERFORM dnr_refuse('workstation', jsonb_build_object('event', ev,
              'given', r->>'workstation_id', 'bound', bound_ws));
          END IF;
          IF bound_city IS NOT NULL AND r->>'city' <> bound_city THEN
            PERFORM dnr_refuse('city', jsonb_build_object('event', ev,
              'given', r->>'city', 'bound', bound_city));
          END IF;
        END $$""",
        # Central's order: a lock on a table no desk role can lock, held to commit.
        f"""CREATE FUNCTION dnr_take_order() RETURNS bigint
        LANGUAGE plpgsql {definer} SET lock_timeout = '5s' AS $$
        DECLARE
          last bigint;
        BEGIN
          BEGIN
            LOCK TABLE central_order IN EXCLUSIVE MODE;
          EXCEPTION WHEN lock_not_available THEN
            -- Held 5 s: by a push that stays open on purpose or is stuck. Cut it off.
            BEGIN
              PERFORM pg_terminate_backend(a.pid, 5000) FROM pg_locks l
                JOIN pg_stat_activity a ON a.pid = l.pid
                WHERE l.locktype = 'relation' AND l.relation = 'central_order'::regclass
                  AND l.granted AND a.pid <> pg_backend_pid()
                  AND a.xact_start < clock_timestamp() - interval '5 seconds';
            EXCEPTION WHEN insufficient_privilege THEN
              NULL;  -- no pg_signal_backend: wait once more, then report central busy
            END;
            PERFORM set_config('lock_timeout', '20s', true);
            LOCK TABLE central_order IN EXCLUSIVE MODE;
          END;
          SELECT last_seq INTO last FROM central_order WHERE id = 1;
          RETURN last;
        END $$""",
        f"""CREATE FUNCTION dnr_push_events(batch jsonb) RETURNS SETOF text
        LANGUAGE plpgsql {definer} AS $$
        DECLARE
          b record;
          r jsonb;
          hit record;
          last bigint;
          stamp text;
        BEGIN
          SELECT * INTO b FROM dnr_binding();
          IF jsonb_typeof(batch) IS DISTINCT FROM 'array'
             OR jsonb_array_length(batch) NOT BETWEEN 1 AND 5000 THEN
            PERFORM dnr_refuse('batch', jsonb_build_object('limit', 5000));
          END IF;
          FOR r IN SELECT value FROM jsonb_array_elements(batch) LOOP
            PERFORM dnr_check_event(r, b.ws, b.city, b.desk);
          END LOOP;
          last := dnr_take_order();
          stamp := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                           'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
          -- The first problem of the batch against what central holds, in batch order: an
          -- id central holds must be this very event sent again; a case stays in the city
          -- central first holds it under, and a desk adds only to a case central approved;
          -- one workstation gives one number to one event.
          WITH n AS MATERIALIZED ({rows}), problems AS (
            SELECT n.ord, 'event_id_taken' AS code, jsonb_build_object('event', n.event_id) AS p
              FROM n JOIN events e ON e.event_id = n.event_id
              WHERE (e.case_id, e.city, e.type, e.payload, e.actor_iin, e.actor_fingerprint,
                     e.workstation_id, e.recorded_at, e.signature, e.ws_seq)
                IS DISTINCT FROM (n.case_id, n.city, n.type, n.payload, n.actor_iin,
                     n.actor_fingerprint, n.workstation_id, n.recorded_at, n.signature, n.ws_seq)
            UNION ALL
            SELECT n.ord, 'event_id_taken', jsonb_build_object('event', n.event_id)
              FROM n JOIN n m ON m.event_id = n.event_id AND m.ord < n.ord
              WHERE (m.case_id, m.city, m.type, m.payload, m.actor_iin, m.actor_fingerprint,
                     m.workstation_id, m.recorded_at, m.signature, m.ws_seq)
                IS DISTINCT FROM (n.case_id, n.city, n.type, n.payload, n.actor_iin,
                     n.actor_fingerprint, n.workstation_id, n.recorded_at, n.signature, n.ws_seq)
            UNION ALL
            SELECT n.ord, 'case_city', jsonb_build_object('event', n.event_id,
                'case', n.case_id, 'held', c.city, 'given', n.city)
              FROM n CROSS JOIN LATERAL (SELECT e.city FROM events e
                WHERE e.case_id = n.case_id AND e.city <> n.city LIMIT 1) c
            UNION ALL
            SELECT n.ord, 'case_unknown', jsonb_build_object('event', n.event_id,
                'case', n.case_id)
              FROM n WHERE b.desk AND NOT EXISTS (SELECT 1 FROM events e
                WHERE e.case_id = n.case_id AND e.type = 'ArrivalApproved')
            UNION ALL
            SELECT n.ord, 'case_city', jsonb_build_object('event', n.event_id,
                'case', n.case_id, 'held', m.city, 'given', n.city)
              FROM n JOIN n m ON m.case_id = n.case_id AND m.city <> n.city AND m.ord < n.ord
            UNION ALL
            SELECT n.ord, 'ws_seq_taken', jsonb_build_object('event', n.event_id,
                'workstation', n.workstation_id, 'number', n.ws_seq)
              FROM n JOIN events e ON e.workstation_id = n.workstation_id
                AND e.ws_seq = n.ws_seq AND e.event_id <> n.event_id
            UNION ALL
            SELECT n.ord, 'ws_seq_taken', jsonb_build_object('event', n.event_id,
                'workstation', n.workstation_id, 'number', n.ws_seq)
              FROM n JOIN n m ON m.workstation_id = n.workstation_id
                AND m.ws_seq = n.ws_seq AND m.event_id <> n.event_id AND m.ord < n.ord
          )
          SELECT problems.code, problems.p INTO hit FROM problems ORDER BY problems.ord LIMIT 1;
          IF FOUND THEN
            PERFORM dnr_refuse(hit.code, hit.p);
          END IF;
          RETURN QUERY
            INSERT INTO events (seq, event_id, case_id, city, type, payload, actor_iin,
                actor_fingerprint, workstation_id, recorded_at, signature, received_at, ws_seq)
            SELECT last + row_number() OVER (ORDER BY f.ord), f.event_id, f.case_id, f.city,
                f.type, f.payload, f.actor_iin, f.actor_fingerprint, f.workstation_id,
                f.recorded_at, f.signature, stamp, f.ws_seq
            FROM (SELECT DISTINCT ON (n.event_id) n.* FROM ({rows}) n
                  WHERE NOT EXISTS (SELECT 1 FROM events e WHERE e.event_id = n.event_id)
                  ORDER BY n.event_id, n.ord) f
            ORDER BY f.ord
            RETURNING events.event_id::text;
          UPDATE central_order SET last_seq = (SELECT coalesce(max(seq), 0) FROM events)
            WHERE id = 1;
        END $$""",
        f"""CREATE FUNCTION dnr_pull_events(after_seq bigint, want_city text, max_rows integer)
        RETURNS TABLE (seq bigint, event_id text, case_id text, city text, type text,
          payload text, actor_iin text, actor_fingerprint text, workstation_id text,
          recorded_at text, signature bytea, received_at text, ws_seq bigint)
        LANGUAGE plpgsql STABLE {definer} AS $$
        DECLARE
          b record;
          c text := want_city;
        BEGIN
          SELECT * INTO b FROM dnr_binding();
          IF b.desk THEN
            IF want_city IS NULL THEN
              c := b.city;
            ELSIF want_city <> b.city THEN
              PERFORM dnr_refuse('pull_city',
                jsonb_build_object('given', want_city, 'bound', b.city));
            END IF;
          END IF;
          RETURN QUERY SELECT e.seq, e.event_id::text, e.case_id::text, e.city::text,
              e.type::text, e.payload, e.actor_iin::text, e.actor_fingerprint::text,
              e.workstation_id::text, e.recorded_at::text, e.signature, e.received_at::text,
              e.ws_seq
            FROM events e
            WHERE e.seq > after_seq AND (c IS NULL OR e.city = c)
            ORDER BY e.seq LIMIT greatest(least(max_rows, 100000), 0);
        END $$""",
        f"""CREATE FUNCTION dnr_certificate_fingerprints() RETURNS SETOF text
        LANGUAGE plpgsql STABLE {definer} AS $$
        BEGIN
          PERFORM dnr_binding();
          RETURN QUERY SELECT c.fingerprint::text FROM certificates c;
        END $$""",
        f"""CREATE FUNCTION dnr_certificates(wanted text[]) RETURNS SETOF bytea
        LANGUAGE plpgsql STABLE {definer} AS $$
        BEGIN
          PERFORM dnr_binding();
          RETURN QUERY SELECT c.der FROM certificates c WHERE c.fingerprint = ANY (wanted);
        END $$""",
        # A DER certificate's shape: SEQUENCE { SEQUENCE tbs, SEQUENCE alg, BIT STRING }
        # filling the value exactly, tbs starting with [0] version or the serial INTEGER, and
        # well-formed DER throughout. PostgreSQL has no X.509 parser: DER that is well formed
        # but no certificate (a bad time, a bad key) passes here; desks parse every
        # certificate before they use it and set aside one that does not parse.
        f"""CREATE FUNCTION dnr_der_ok(d bytea) RETURNS boolean
        LANGUAGE plpgsql IMMUTABLE {definer} AS $$
        DECLARE
          pos int := 0;
          stop int;
          tags int[] := ARRAY[48, 48, 3];
          i int;
          tag int;
          len int;
          n int;
          inner_tag int;
          ends int[] := ARRAY[]::int[];
        BEGIN
          IF d IS NULL OR octet_length(d) < 8 OR octet_length(d) > 16384 THEN
            RETURN false;
          END IF;
          FOR i IN 0 .. 3 LOOP
            IF pos + 2 > octet_length(d) THEN RETURN false; END IF;
            tag := get_byte(d, pos);
            len := get_byte(d, pos + 1);
            pos := pos + 2;
            IF len >= 128 THEN
              n := len - 128;
              IF n < 1 OR n > 2 OR pos + n > octet_length(d) THEN RETURN false; END IF;
              len := 0;
              FOR k IN 1 .. n LOOP
                len := len * 256 + get_byte(d, pos);
                pos := pos + 1;
              END LOOP;
            END IF;
            IF i = 0 THEN
              IF tag <> 48 OR pos + len <> octet_length(d) THEN RETURN false; END IF;
              CONTINUE;  -- into the outer SEQUENCE
            END IF;
            IF tag <> tags[i] OR pos + len > octet_length(d) THEN RETURN false; END IF;
            IF i = 1 THEN
              IF len < 2 THEN RETURN false; END IF;
              inner_tag := get_byte(d, pos);
              IF inner_tag NOT IN (160, 2) THEN RETURN false; END IF;
            END IF;
            pos := pos + len;
          END LOOP;
          IF pos <> octet_length(d) THEN RETURN false; END IF;
          -- Then every element at any depth: a low tag, a definite minimal length, and
          -- constructed ones filled exactly by their children.
          pos := 0;
          WHILE pos < octet_length(d) LOOP
            IF pos + 2 > octet_length(d) THEN RETURN false; END IF;
            tag := get_byte(d, pos);
            len := get_byte(d, pos + 1);
            pos := pos + 2;
            IF (tag & 31) = 31 OR tag = 0 OR len = 128 OR len > 130 THEN RETURN false; END IF;
            IF len > 128 THEN
              n := len - 128;
              IF pos + n > octet_length(d) THEN RETURN false; END IF;
              len := 0;
              FOR k IN 1 .. n LOOP
                len := len * 256 + get_byte(d, pos);
                pos := pos + 1;
              END LOOP;
              IF len < 128 OR (n = 2 AND len < 256) THEN RETURN false; END IF;
            END IF;
            stop := pos + len;
            IF stop > coalesce(ends[cardinality(ends)], octet_length(d)) THEN
              RETURN false;
            END IF;
            IF (tag & 32) = 32 THEN
              ends := ends || stop;
            ELSE
              pos := stop;
            END IF;
            WHILE cardinality(ends) > 0 AND pos = ends[cardinality(ends)] LOOP
              ends := ends[1:cardinality(ends) - 1];
            END LOOP;
          END LOOP;
          RETURN cardinality(ends) = 0;
        END $$""",
        f"""CREATE FUNCTION dnr_add_certificates(ders bytea[], subjects text[]) RETURNS integer
        LANGUAGE plpgsql {definer} AS $$
        DECLARE
          i int;
          added int := 0;
          fresh int;
          stamp text := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
        BEGIN
          PERFORM dnr_binding();
          IF coalesce(cardinality(ders), 0) NOT BETWEEN 1 AND 5000 THEN
            PERFORM dnr_refuse('batch', jsonb_build_object('limit', 5000));
          END IF;
          FOR i IN 1 .. cardinality(ders) LOOP
            IF NOT dnr_der_ok(ders[i]) THEN
              PERFORM dnr_refuse('certificate', jsonb_build_object('number', i));
            END IF;
          END LOOP;
          FOR i IN 1 .. cardinality(ders) LOOP
            INSERT INTO certificates (fingerprint, der, subject, added_at)
              VALUES (encode(sha256(ders[i]), 'hex'), ders[i],
                      left(coalesce(subjects[i], ''), 1000), stamp)
              ON CONFLICT (fingerprint) DO NOTHING;
            GET DIAGNOSTICS fresh = ROW_COUNT;
            added := added + fresh;
          END LOOP;
          RETURN added;
        END $$""",
        # Audit entries must extend the chain central holds for the workstation.
        f"""CREATE FUNCTION dnr_push_audit(records jsonb) RETURNS integer
        LANGUAGE plpgsql {definer} AS $$
        DECLARE
          b record;
          item jsonb;
          t text;
          rec jsonb;
          s bigint;
          ws text;
          held text;
          last_seq bigint;
          last_hash text;
          added int := 0;
          stamp text := to_char(clock_timestamp() AT TIME ZONE 'UTC',
                                'YYYY-MM-DD"T"HH24:MI:SS.US"Z"');
          f text;
          ok boolean;
        BEGIN
          SELECT * INTO b FROM dnr_binding();
          IF jsonb_typeof(records) IS DISTINCT FROM 'array'
             OR jsonb_array_length(records) NOT BETWEEN 1 AND 5000 THEN
            PERFORM dnr_refuse('batch', jsonb_build_object('limit', 5000));
          END IF;
          FOR item IN SELECT value FROM jsonb_array_elements(records) LOOP
            IF jsonb_typeof(item) IS DISTINCT FROM 'string'
               OR octet_length(item #>> '{{}}') > 65536 THEN
              PERFORM dnr_refuse('audit_record', jsonb_build_object('seq', '?', 'field', 'record'));
            END IF;
            t := item #>> '{{}}';
            BEGIN
              rec := t::jsonb;
            EXCEPTION WHEN OTHERS THEN
              rec := NULL;
            END;
            IF jsonb_typeof(rec) IS DISTINCT FROM 'object'
               OR jsonb_typeof(rec->'seq') IS DISTINCT FROM 'number'
               OR (rec->>'seq') !~ '^[1-9][0-9]{{0,17}}$' THEN
              PERFORM dnr_refuse('audit_record', jsonb_build_object('seq', '?', 'field', 'seq'));
            END IF;
            s := (rec->>'seq')::bigint;
            FOREACH f IN ARRAY ARRAY['workstation_id', 'prev_hash', 'entry_hash'] LOOP
              ok := jsonb_typeof(rec->f) = 'string' AND (rec->>f) ~ CASE f
                  WHEN 'workstation_id' THEN '^[A-Za-z0-9][A-Za-z0-9._-]{{0,63}}$'
                  ELSE '^[0-9a-f]{{64}}$' END;
              IF ok IS NOT TRUE THEN
                PERFORM dnr_refuse('audit_record', jsonb_build_object('seq', s, 'field', f));
              END IF;
            END LOOP;
            IF NOT dnr_is_instant(rec->'at') THEN
              PERFORM dnr_refuse('audit_record', jsonb_build_object('seq', s, 'field', 'at'));
            END IF;
            IF ws IS NULL THEN
              ws := rec->>'workstation_id';
              IF b.desk AND ws <> b.ws THEN
                PERFORM dnr_refuse('audit_workstation',
                  jsonb_build_object('seq', s, 'given', ws, 'bound', b.ws));
              END IF;
              SELECT a.seq, a.record::jsonb->>'entry_hash' INTO last_seq, last_hash
                FROM audit_entries a WHERE a.workstation_id = ws ORDER BY a.seq DESC LIMIT 1;
            ELSIF rec->>'workstation_id' <> ws THEN
              PERFORM dnr_refuse('audit_workstation',
                jsonb_build_object('seq', s, 'given', rec->>'workstation_id', 'bound', ws));
            END IF;
            SELECT a.record INTO held FROM audit_entries a
              WHERE a.workstation_id = ws AND a.seq = s;
            IF FOUND THEN
              IF held <> t THEN
                PERFORM dnr_refuse('audit_changed', jsonb_build_object('seq', s));
              END IF;
              CONTINUE;
            END IF;
            IF s <> coalesce(last_seq, 0) + 1
               OR rec->>'prev_hash' <> coalesce(last_hash, repeat('0', 64)) THEN
              PERFORM dnr_refuse('audit_chain', jsonb_build_object('seq', s, 'workstation', ws,
                'expected', coalesce(last_seq, 0) + 1,
                'prev', left(coalesce(last_hash, repeat('0', 64)), 12)));
            END IF;
            INSERT INTO audit_entries (workstation_id, seq, at, record, received_at)
              VALUES (ws, s, rec->>'at', t, stamp);
            last_seq := s;
            last_hash := rec->>'entry_hash';
            added := added + 1;
          END LOOP;
          RETURN added;
        END $$""",
        f"""CREATE FUNCTION dnr_audit_records(wanted text) RETURNS SETOF text
        LANGUAGE plpgsql STABLE {definer} AS $$
        DECLARE
          b record;
        BEGIN
          SELECT * INTO b FROM dnr_binding();
          IF b.desk AND wanted IS DISTINCT FROM b.ws THEN
            PERFORM dnr_refuse('audit_workstation',
              jsonb_build_object('seq', '-', 'given', wanted, 'bound', b.ws));
          END IF;
          RETURN QUERY SELECT a.record FROM audit_entries a
            WHERE a.workstation_id = wanted ORDER BY a.seq;
        END $$""",
    ]


def _quote(name: str) -> str:
    return op.get_bind().dialect.identifier_preparer.quote(name)


def _desk_roles() -> list[str]:
    rows = op.get_bind().execute(
        sa.text("SELECT db_role FROM workstations WHERE db_role IS NOT NULL")
    )
    return [str(r) for r in rows.scalars()]


def _drop_bad_certificates_sqlite() -> None:
    from workstation.sync.door import DoorRefusal, certificate_row

    bind = op.get_bind()
    bad = []
    for fingerprint, der in bind.execute(sa.text("SELECT fingerprint, der FROM certificates")):
        try:
            if certificate_row(der, 1)[0] != fingerprint:
                bad.append(fingerprint)
        except DoorRefusal:
            bad.append(fingerprint)
    for fingerprint in bad:
        bind.execute(sa.text("DELETE FROM certificates WHERE fingerprint = :f"), {"f": fingerprint})


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("ws_seq", sa.BigInteger(), nullable=True))
        batch_op.create_index(
            "ix_events_workstation_ws_seq", ["workstation_id", "ws_seq"], unique=True
        )
    bind = op.get_bind()
    if bind.dialect.name != "postgresql":
        _drop_bad_certificates_sqlite()
        return
    database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
    schema = _quote(bind.execute(sa.text("SELECT current_schema()")).scalar_one())
    door = _quote(door_role(database))
    sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('events', 'seq')")).scalar()
    for role in _desk_roles():  # what c002..c005 gave them, and nothing else
        quoted = _quote(role)
        op.execute(f"REVOKE ALL ON {', '.join(_TABLES)} FROM {quoted}")
        if sequence:
            op.execute(f"REVOKE ALL ON SEQUENCE {sequence} FROM {quoted}")
    op.execute("ALTER TABLE events ALTER COLUMN seq DROP IDENTITY IF EXISTS")
    op.execute(
        "CREATE TABLE central_order (id integer PRIMARY KEY CHECK (id = 1), "
        "last_seq bigint NOT NULL)"
    )
    op.execute("INSERT INTO central_order SELECT 1, coalesce(max(seq), 0) FROM events")
    op.execute(
        f"DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = "
        f"'{door_role(database)}') THEN CREATE ROLE {door} NOLOGIN; END IF; END $$"
    )
    op.execute(f"GRANT {door} TO CURRENT_USER")
    op.execute(f"GRANT USAGE, CREATE ON SCHEMA {schema} TO {door}")
    op.execute(f"GRANT SELECT, INSERT ON events, certificates, audit_entries TO {door}")
    op.execute(f"GRANT SELECT ON workstations, branches TO {door}")
    op.execute(f"GRANT SELECT, UPDATE ON central_order TO {door}")
    # The door reads every row; the functions do the narrowing.
    for table in _RLS_TABLES:
        op.execute(f"CREATE POLICY door_all ON {table} TO {door} USING (true) WITH CHECK (true)")
    op.execute(
        "DO $$ BEGIN IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN "
        f"EXECUTE 'GRANT pg_signal_backend, pg_read_all_stats TO {door}'; END IF; END $$"
    )
    for statement in _functions(schema):  # not op.execute: ":MI" is no bind parameter
        bind.exec_driver_sql(statement)
    for function in DESK_FUNCTIONS + INTERNAL_FUNCTIONS:
        op.execute(f"ALTER FUNCTION {function} OWNER TO {door}")
        op.execute(f"REVOKE ALL ON FUNCTION {function} FROM PUBLIC")
    op.execute(f"REVOKE CREATE ON SCHEMA {schema} FROM {door}")  # needed only to take them
    # Rows a desk role could write before: a fingerprint that is not its DER's, or DER
    # that is no certificate. Worthless to every desk; each one stopped their syncs.
    op.execute(
        "DELETE FROM certificates WHERE fingerprint <> encode(sha256(der), 'hex') "
        "OR NOT dnr_der_ok(der)"
    )
    grantees = ["CURRENT_USER"] + [_quote(r) for r in _desk_roles()]
    for function in DESK_FUNCTIONS:
        op.execute(f"GRANT EXECUTE ON FUNCTION {function} TO {', '.join(grantees)}")


def downgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == "postgresql":
        database = bind.execute(sa.text("SELECT current_database()")).scalar_one()
        door = _quote(door_role(database))
        for function in DESK_FUNCTIONS + INTERNAL_FUNCTIONS:
            op.execute(f"DROP FUNCTION IF EXISTS {function}")
        for table in _RLS_TABLES:
            op.execute(f"DROP POLICY IF EXISTS door_all ON {table}")
        op.execute("DROP TABLE central_order")
        op.execute(f"DROP OWNED BY {door}")
        op.execute(f"DROP ROLE {door}")
        op.execute("ALTER TABLE events ALTER COLUMN seq ADD GENERATED BY DEFAULT AS IDENTITY")
        op.execute(
            "SELECT setval(pg_get_serial_sequence('events', 'seq'), "
            "coalesce((SELECT max(seq) FROM events), 0) + 1, false)"
        )
        sequence = bind.execute(sa.text("SELECT pg_get_serial_sequence('events', 'seq')")).scalar()
        for role in _desk_roles():
            quoted = _quote(role)
            op.execute(f"GRANT SELECT, INSERT ON events, certificates, audit_entries TO {quoted}")
            op.execute(f"GRANT SELECT ON workstations, branches TO {quoted}")
            op.execute(f"GRANT USAGE ON SEQUENCE {sequence} TO {quoted}")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index("ix_events_workstation_ws_seq")
        batch_op.drop_column("ws_seq")
