/**
 * One SQLite file per data directory (SPEC §9.1): WAL mode, synchronous=FULL so that a committed
 * board entry survives a crash, numbered schema migrations applied on open.
 */
import Database from 'better-sqlite3';
import { createPrivateFile } from './data-dir.ts';

export type Db = Database.Database;

/** Append-only migrations: never edit one that has shipped, add the next. */
export const MIGRATIONS: readonly string[] = [
  `CREATE TABLE board (
     election TEXT NOT NULL,
     seq      INTEGER NOT NULL CHECK (seq >= 0),
     type     TEXT NOT NULL,
     payload  TEXT NOT NULL,
     prev     TEXT NOT NULL CHECK (length(prev) = 64),
     hash     TEXT NOT NULL UNIQUE CHECK (length(hash) = 64),
     PRIMARY KEY (election, seq)
   ) WITHOUT ROWID;
   CREATE TRIGGER board_no_update BEFORE UPDATE ON board
     BEGIN SELECT RAISE(ABORT, 'the bulletin board is append-only'); END;
   CREATE TRIGGER board_no_delete BEFORE DELETE ON board
     BEGIN SELECT RAISE(ABORT, 'the bulletin board is append-only'); END;`,
  // v2: the election's private records (roll, nominations, logins) and the indexes the public steps use.
  `CREATE INDEX board_type ON board (election, type, seq);
   CREATE TABLE server_keys (
     name   TEXT PRIMARY KEY,
     secret BLOB NOT NULL
   );
   CREATE TABLE users (
     name          TEXT PRIMARY KEY,
     role          TEXT NOT NULL CHECK (role IN ('commission', 'credential-authority', 'trustee', 'observer')),
     password_hash TEXT NOT NULL,
     created_at    TEXT NOT NULL
   );
   CREATE TABLE audit_log (
     id       INTEGER PRIMARY KEY AUTOINCREMENT,
     at       TEXT NOT NULL,
     actor    TEXT NOT NULL,
     action   TEXT NOT NULL,
     election TEXT,
     details  TEXT NOT NULL
   );
   CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit_log
     BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
   CREATE TABLE elections (
     id         TEXT PRIMARY KEY,
     kind       TEXT NOT NULL CHECK (kind IN ('akim', 'referendum')),
     status     TEXT NOT NULL,
     manifest   TEXT NOT NULL,
     calendar   TEXT NOT NULL,
     contests   TEXT,
     params     TEXT,
     demo       INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL
   );
   CREATE TABLE roll_imports (
     id         INTEGER PRIMARY KEY AUTOINCREMENT,
     election   TEXT NOT NULL REFERENCES elections (id),
     created_at TEXT NOT NULL,
     valid      TEXT NOT NULL,
     rejected   TEXT NOT NULL,
     state      TEXT NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'accepted', 'discarded')),
     meta       TEXT NOT NULL DEFAULT '{}',
     decided_at TEXT
   );
   CREATE INDEX roll_imports_by_election ON roll_imports (election, id);
   -- The accepted roll of an election (one at most) with the private salt of its commitment (§10.3).
   CREATE TABLE rolls (
     election    TEXT PRIMARY KEY REFERENCES elections (id),
     import      INTEGER NOT NULL UNIQUE REFERENCES roll_imports (id),
     count       INTEGER NOT NULL CHECK (count >= 1),
     commitment  TEXT NOT NULL CHECK (length(commitment) = 64),
     salt        TEXT NOT NULL CHECK (length(salt) = 64),
     accepted_at TEXT NOT NULL
   ) WITHOUT ROWID;
   -- The sitting district akim, who may not nominate (§10.4); private, not on the board.
   CREATE TABLE district_akims (
     election    TEXT PRIMARY KEY REFERENCES elections (id),
     iin         TEXT NOT NULL,
     full_name   TEXT NOT NULL,
     recorded_at TEXT NOT NULL
   ) WITHOUT ROWID;
   CREATE TABLE voters (
     election    TEXT NOT NULL REFERENCES elections (id),
     iin         TEXT NOT NULL,
     surname     TEXT NOT NULL,
     given_name  TEXT NOT NULL,
     patronymic  TEXT NOT NULL,
     settlement  TEXT NOT NULL,
     address     TEXT NOT NULL,
     birth_date  TEXT NOT NULL,
     PRIMARY KEY (election, iin)
   ) WITHOUT ROWID;
   CREATE TABLE nominations (
     id           INTEGER PRIMARY KEY AUTOINCREMENT,
     election     TEXT NOT NULL REFERENCES elections (id),
     candidate_iin TEXT NOT NULL,
     data         TEXT NOT NULL,
     status       TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'registered', 'refused', 'withdrawn')),
     reason       TEXT,
     created_at   TEXT NOT NULL,
     candidate_id  TEXT,
     registered_at TEXT
   );
   CREATE INDEX nominations_by_candidate ON nominations (election, candidate_iin);
   CREATE UNIQUE INDEX nominations_candidate_id ON nominations (election, candidate_id)
     WHERE candidate_id IS NOT NULL;
   CREATE TABLE signatures (
     nomination INTEGER NOT NULL REFERENCES nominations (id),
     election   TEXT NOT NULL,
     iin        TEXT NOT NULL,
     PRIMARY KEY (nomination, iin)
   ) WITHOUT ROWID;
   CREATE INDEX signatures_by_signer ON signatures (election, iin);
   CREATE TABLE trustees (
     election    TEXT NOT NULL REFERENCES elections (id),
     idx         INTEGER NOT NULL CHECK (idx >= 1),
     user        TEXT NOT NULL REFERENCES users (name),
     name        TEXT NOT NULL,
     signing_key TEXT NOT NULL,
     box_key     TEXT NOT NULL,
     PRIMARY KEY (election, idx),
     UNIQUE (election, user)
   ) WITHOUT ROWID;
   CREATE TABLE credentials (
     election   TEXT NOT NULL REFERENCES elections (id),
     public_key TEXT NOT NULL,
     PRIMARY KEY (election, public_key)
   ) WITHOUT ROWID;
   CREATE TABLE ballots (
     election   TEXT NOT NULL REFERENCES elections (id),
     tracker    TEXT NOT NULL,
     seq        INTEGER NOT NULL,
     credential TEXT NOT NULL,
     PRIMARY KEY (election, tracker)
   ) WITHOUT ROWID;
   CREATE INDEX ballots_by_credential ON ballots (election, credential, seq);
   CREATE TABLE ciphertexts (
     election   TEXT NOT NULL,
     ciphertext TEXT NOT NULL,
     PRIMARY KEY (election, ciphertext)
   ) WITHOUT ROWID;
   CREATE TABLE login_codes (
     election  TEXT NOT NULL REFERENCES elections (id),
     iin       TEXT NOT NULL,
     code_hash TEXT NOT NULL,
     failures  INTEGER NOT NULL DEFAULT 0,
     locked    INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (election, iin)
   ) WITHOUT ROWID;
   CREATE TABLE used_tokens (
     jti      TEXT PRIMARY KEY,
     election TEXT NOT NULL,
     expires  INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // v3: per-name sign-in throttling of commission accounts (auth/lockout.ts).
  `CREATE TABLE sign_in_failures (
     name_hash    TEXT PRIMARY KEY,
     failures     INTEGER NOT NULL CHECK (failures > 0),
     locked_until INTEGER NOT NULL
   ) WITHOUT ROWID;`,
  // v4: trustees register once per ceremony round (SPEC §10.6.7): the round joins the primary key
  // (a table rebuild in SQLite); a key stays unique across every round of an election.
  `CREATE TABLE trustees_v4 (
     election    TEXT NOT NULL REFERENCES elections (id),
     round       INTEGER NOT NULL CHECK (round >= 0),
     idx         INTEGER NOT NULL CHECK (idx >= 1),
     user        TEXT NOT NULL REFERENCES users (name),
     name        TEXT NOT NULL,
     signing_key TEXT NOT NULL,
     box_key     TEXT NOT NULL,
     PRIMARY KEY (election, round, idx),
     UNIQUE (election, round, user),
     UNIQUE (election, signing_key),
     UNIQUE (election, box_key)
   ) WITHOUT ROWID;
   INSERT INTO trustees_v4 (election, round, idx, user, name, signing_key, box_key)
     SELECT election, 0, idx, user, name, signing_key, box_key FROM trustees;
   DROP TABLE trustees;
   ALTER TABLE trustees_v4 RENAME TO trustees;`,
  // v5: the role admin and rights per election (SPEC §10.13). The role's CHECK changes, so users is
  // rebuilt; trustees references it, which is why migrate() runs with foreign keys off and checks them.
  `CREATE TABLE users_v5 (
     name          TEXT PRIMARY KEY,
     role          TEXT NOT NULL CHECK (role IN ('admin', 'commission', 'credential-authority', 'trustee', 'observer')),
     password_hash TEXT NOT NULL,
     created_at    TEXT NOT NULL
   );
   INSERT INTO users_v5 (name, role, password_hash, created_at)
     SELECT name, role, password_hash, created_at FROM users;
   DROP TABLE users;
   ALTER TABLE users_v5 RENAME TO users;
   CREATE TABLE grants (
     election   TEXT NOT NULL REFERENCES elections (id),
     user       TEXT NOT NULL REFERENCES users (name),
     granted_by TEXT NOT NULL,
     granted_at TEXT NOT NULL,
     PRIMARY KEY (election, user)
   ) WITHOUT ROWID;
   CREATE INDEX grants_by_user ON grants (user, election);
   -- Elections already running keep their accounts: one that acted on an election (its audit-log
   -- lines, its trustee registrations) holds it, granted by "migration v5" and audited as such.
   INSERT INTO grants (election, user, granted_by, granted_at)
     SELECT x.election, x.user, 'migration v5', strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
     FROM (SELECT election, actor AS user FROM audit_log UNION SELECT election, user FROM trustees) x
     JOIN users u ON u.name = x.user JOIN elections e ON e.id = x.election
     WHERE u.role IN ('commission', 'credential-authority', 'trustee');
   INSERT INTO audit_log (at, actor, action, election, details)
     SELECT g.granted_at, g.granted_by, 'grant.add', g.election, json_object('user', g.user, 'role', u.role)
     FROM grants g JOIN users u ON u.name = g.user ORDER BY g.election, g.user;`,
  // v6: sign-ins with an IIN that has no login code, counted per election (SPEC §10.9.1): that count
  // is the one-row write which makes such a refusal cost what a wrong code's failure count costs.
  `CREATE TABLE login_misses (
     election TEXT PRIMARY KEY REFERENCES elections (id),
     count    INTEGER NOT NULL CHECK (count > 0)
   ) WITHOUT ROWID;`,
  // v7: large uploads are written in chunks between other requests and shown by one small commit
  // (uploads/staging.ts, SPEC §9.1): their rows wait under an upload still 'staging', which no reader
  // sees. The published credential keys become such rows, each with the voter it was issued to
  // (SPEC §10.7: private, never on the board; casting refuses a ballot whose credential is not the
  // signed-in voter's, §10.9.2 step 5); `credentials` and `credential_owners` are views of them.
  `CREATE TABLE uploads (
     id         INTEGER PRIMARY KEY AUTOINCREMENT,
     election   TEXT NOT NULL REFERENCES elections (id),
     kind       TEXT NOT NULL,
     state      TEXT NOT NULL CHECK (state IN ('staging', 'committed')),
     created_at TEXT
   );
   CREATE UNIQUE INDEX uploads_one_credential_list ON uploads (election)
     WHERE kind = 'credentials' AND state = 'committed';
   CREATE TABLE upload_parts (
     upload INTEGER NOT NULL REFERENCES uploads (id),
     name   TEXT NOT NULL,
     part   INTEGER NOT NULL CHECK (part >= 0),
     data   TEXT NOT NULL,
     PRIMARY KEY (upload, name, part)
   ) WITHOUT ROWID;
   CREATE TABLE credential_keys (
     upload     INTEGER NOT NULL REFERENCES uploads (id),
     public_key TEXT NOT NULL,
     voter      TEXT,
     PRIMARY KEY (upload, public_key)
   ) WITHOUT ROWID;
   CREATE UNIQUE INDEX credential_keys_by_voter ON credential_keys (upload, voter) WHERE voter IS NOT NULL;
   INSERT INTO uploads (election, kind, state)
     SELECT DISTINCT election, 'credentials', 'committed' FROM credentials;
   INSERT INTO credential_keys (upload, public_key)
     SELECT u.id, c.public_key FROM credentials c
     JOIN uploads u ON u.election = c.election AND u.kind = 'credentials';
   DROP TABLE credentials;
   CREATE VIEW credentials (election, public_key) AS
     SELECT u.election, k.public_key FROM uploads u JOIN credential_keys k ON k.upload = u.id
     WHERE u.kind = 'credentials' AND u.state = 'committed';
   -- A direct INSERT (test fixtures, benchmarks) adds the key to the election's committed list.
   CREATE TRIGGER credentials_insert INSTEAD OF INSERT ON credentials BEGIN
     INSERT INTO uploads (election, kind, state)
       SELECT NEW.election, 'credentials', 'committed' WHERE NOT EXISTS (SELECT 1 FROM uploads
         WHERE election = NEW.election AND kind = 'credentials' AND state = 'committed');
     INSERT INTO credential_keys (upload, public_key)
       SELECT id, NEW.public_key FROM uploads
       WHERE election = NEW.election AND kind = 'credentials' AND state = 'committed';
   END;
   CREATE VIEW credential_owners (election, voter, public_key) AS
     SELECT u.election, k.voter, k.public_key FROM uploads u JOIN credential_keys k ON k.upload = u.id
     WHERE u.kind = 'credentials' AND u.state = 'committed' AND k.voter IS NOT NULL;
   -- A direct INSERT (test fixtures, benchmarks) binds a key of the committed list to a voter.
   CREATE TRIGGER credential_owners_insert INSTEAD OF INSERT ON credential_owners BEGIN
     UPDATE credential_keys SET voter = NEW.voter
     WHERE public_key = NEW.public_key AND upload = (SELECT id FROM uploads
       WHERE election = NEW.election AND kind = 'credentials' AND state = 'committed');
   END;
   ALTER TABLE roll_imports ADD COLUMN upload INTEGER REFERENCES uploads (id);`,
  // v8: a citizen assembly's place is given in each language (SPEC §10.4). A nomination stored with
  // one string keeps it in all three, so that it still registers in the board's form; the
  // commission may refuse it and enter it again with the place translated.
  `UPDATE nominations
     SET data = json_set(data, '$.route.place', json_object(
       'kk', json_extract(data, '$.route.place'),
       'ru', json_extract(data, '$.route.place'),
       'en', json_extract(data, '$.route.place')))
     WHERE json_type(data, '$.route.place') = 'text';`,
  // v9: the voter tokens issued per local hour and the voters who signed in, published on the board
  // as `sign-ins` entries (SPEC §10.9.3). A row per hour with sign-ins and a row per voter who signed
  // in; nothing for an election while no one signs in.
  `CREATE TABLE sign_in_hours (
     election  TEXT NOT NULL,
     hour      TEXT NOT NULL,
     tokens    INTEGER NOT NULL CHECK (tokens >= 0),
     voters    INTEGER NOT NULL CHECK (voters >= 0),
     published INTEGER NOT NULL DEFAULT 0,
     PRIMARY KEY (election, hour)
   ) WITHOUT ROWID;
   CREATE INDEX sign_in_hours_unpublished ON sign_in_hours (election, hour) WHERE published = 0;
   CREATE TABLE signed_in_voters (
     election TEXT NOT NULL,
     voter    TEXT NOT NULL,
     PRIMARY KEY (election, voter)
   ) WITHOUT ROWID;`,
  // v10: voters' complaints (SPEC §10.9.5). The text, its nonce and who filed it stay here; the
  // board carries the complaint's id, subject, time and the commitment to its text.
  `CREATE TABLE complaints (
     election TEXT NOT NULL REFERENCES elections (id),
     number   INTEGER NOT NULL CHECK (number >= 1),
     voter    TEXT NOT NULL,
     about    TEXT NOT NULL,
     text     TEXT NOT NULL,
     nonce    TEXT NOT NULL,
     seq      INTEGER NOT NULL,
     PRIMARY KEY (election, number)
   ) WITHOUT ROWID;
   CREATE INDEX complaints_by_voter ON complaints (election, voter);`,
];

export function openDatabase(file: string): Db {
  createPrivateFile(file); // 0600 before SQLite sees it: -wal and -shm get the same mode (§9.1)
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  // Sorts and temporary tables stay in memory, never in a temporary file that other users might read.
  db.pragma('temp_store = MEMORY');
  migrate(db);
  return db;
}

/**
 * Apply the missing migrations in one transaction. A table rebuild (drop, then rename the copy) would
 * trip the foreign keys of the tables that reference it, so they are off while migrating (SQLite
 * ignores the pragma inside a transaction, hence around it) and checked before the commit: a
 * migration that leaves a dangling reference rolls back.
 */
function migrate(db: Db): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
  const row = db.prepare('SELECT version FROM schema_version').get() as { version: number } | undefined;
  const from = row?.version ?? 0;
  if (from > MIGRATIONS.length)
    throw new Error(`database schema ${from} is newer than this server (${MIGRATIONS.length})`);
  if (from === MIGRATIONS.length) return;
  const foreignKeys = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    db.transaction(() => {
      for (let v = from; v < MIGRATIONS.length; v++) db.exec(MIGRATIONS[v]!);
      const dangling = db.pragma('foreign_key_check') as { table: string }[];
      if (dangling.length > 0)
        throw new Error(
          `migration leaves ${dangling.length} broken references (first in ${dangling[0]!.table})`,
        );
      if (row === undefined)
        db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(MIGRATIONS.length);
      else db.prepare('UPDATE schema_version SET version = ?').run(MIGRATIONS.length);
    })();
  } finally {
    db.pragma(`foreign_keys = ${foreignKeys ? 'ON' : 'OFF'}`);
  }
}
