"""`kiosk hub init|status` and `kiosk sync` as real processes against a real PostgreSQL."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import psycopg

from kiosk.adapters.hub import schema
from tests.helpers.process import run_kiosk
from tests.hub.pg import PgServer

ROOT = Path(__file__).resolve().parents[2]


def kiosk(data_dir: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return run_kiosk(data_dir, *args, device="door-a", env=env)

def test_hub_init_is_versioned_and_idempotent(tmp_path: Path, hub_url: str) -> None:
    first = kiosk(tmp_path / "d", "hub", "init", hub_url, "--json")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout) | {"hub": ""} == {"hub": "", "schema_before": 0, "schema": schema.LATEST}
    again = kiosk(tmp_path / "d", "hub", "init", hub_url)
    assert again.returncode == 0 and "already up to date" in again.stdout
    with psycopg.connect(hub_url) as conn:
        assert schema.version(conn) == schema.LATEST
        assert conn.execute("SELECT count(*) FROM hub_meta WHERE key = 'hub_id'").fetchone() == (1,)


def test_an_older_hub_is_refused_with_the_command_that_upgrades_it(tmp_path: Path, hub_url: str) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn, target=1)
    data = tmp_path / "d"
    assert kiosk(data, "demo").returncode == 0
    old = kiosk(data, "sync", "--hub", hub_url)
    assert old.returncode == 3
    assert old.stderr.strip() == (f"kiosk: hub schema v1 is older than this kiosk (v{schema.LATEST}):"
                                  " run `kiosk hub init URL`")
    up = kiosk(data, "hub", "init", hub_url)
    assert up.returncode == 0 and f"v1 → v{schema.LATEST}" in up.stdout
    assert kiosk(data, "sync", "--hub", hub_url).returncode == 0


def test_sync_status_and_passwords_never_shown(tmp_path: Path, pg_server: PgServer, hub_url: str) -> None:
    pg_server.psql("DO $$BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname='door') THEN"
                   " CREATE ROLE door LOGIN PASSWORD 's3cret-Pw'; END IF; END$$")
    db = hub_url.rsplit("/", 1)[1]
    pg_server.psql(f'GRANT ALL ON DATABASE "{db}" TO door; ALTER DATABASE "{db}" OWNER TO door')
    secret_url = pg_server.url(db, "door", "s3cret-Pw")
    data = tmp_path / "d"
    outputs = [kiosk(data, "hub", "init", secret_url), kiosk(data, "demo"),
               kiosk(data, "checkin", "PLUS20-0001")]
    synced = kiosk(data, "sync", "--hub", secret_url)
    assert synced.returncode == 0, synced.stderr
    assert synced.stdout.strip() == "sync: 1 scans pushed, 0 pulled, 0 queued"
    # Remembered without its password: the next sync takes it from PGPASSWORD (or ~/.pgpass).
    again = kiosk(data, "sync", env={"PGPASSWORD": "s3cret-Pw"})
    assert again.returncode == 0 and again.stdout.strip() == "sync: 0 scans pushed, 0 pulled, 0 queued"
    status = kiosk(data, "hub", "status", secret_url, "--lang", "en")
    assert status.returncode == 0, status.stderr
    assert "1 scans, 1 kiosks" in status.stdout and "door-a" in status.stdout and "0 queued" in status.stdout
    wrong = kiosk(data, "sync", "--hub", pg_server.url(db, "door", "not-the-password"))
    assert wrong.returncode == 3
    assert wrong.stderr.count("\n") == 1 and "hub refused the credentials" in wrong.stderr
    assert kiosk(data, "checkin", "PLUS20-0002").returncode == 0  # still works offline
    none = kiosk(data, "duplicates")
    assert (none.returncode, none.stdout) == (0, "Aucune entrée en double.\n")  # French first
    none = kiosk(data, "duplicates", "--lang", "en")
    assert (none.returncode, none.stdout) == (0, "No duplicate entry.\n")
    for out in [*outputs, synced, again, status, wrong]:
        assert "s3cret" not in out.stdout + out.stderr and "not-the-password" not in out.stdout + out.stderr
    assert "s3cret" not in (data / "kiosk.db").read_bytes().decode("latin-1")


def test_hub_down_at_start_is_one_line_and_the_kiosk_works_offline(tmp_path: Path) -> None:
    from tests.hub.pg import free_port

    data = tmp_path / "d"
    assert kiosk(data, "demo").returncode == 0
    assert kiosk(data, "checkin", "PLUS20-0001").returncode == 0
    down = kiosk(data, "sync", "--hub", f"postgresql://kiosk:pw@127.0.0.1:{free_port()}/hub")
    assert down.returncode == 3
    assert down.stderr.startswith("kiosk: hub unreachable (postgresql://kiosk:***@127.0.0.1:")
    assert down.stderr.count("\n") == 1
    assert kiosk(data, "checkin", "PLUS20-0002").returncode == 0


def test_walk_ins_registered_twice_merge_and_dismiss_from_the_command_line(tmp_path: Path, hub_url: str) -> None:
    with psycopg.connect(hub_url) as conn:
        schema.upgrade(conn)
    a, b = tmp_path / "a", tmp_path / "b"
    for data, door in ((a, "door-a"), (b, "door-b")):
        assert kiosk(data, "demo", env={"KIOSK_DEVICE": door}).returncode == 0
        for org in ("La Ruche", "Inter-Made"):
            made = kiosk(data, "register", "--first-name", "Zoé", "--last-name", "Martin", "--organisation", org,
                         env={"KIOSK_DEVICE": door})
            assert made.returncode == 0, made.stderr
    for data, door in ((a, "door-a"), (b, "door-b"), (a, "door-a")):
        assert kiosk(data, "sync", "--hub", hub_url, env={"KIOSK_DEVICE": door}).returncode == 0
    listed = kiosk(a, "duplicates", "--walk-ins", "--json")
    pairs = json.loads(listed.stdout)
    assert listed.returncode == 0 and len(pairs) == 2
    assert {(p["keep"]["device"], p["other"]["device"]) for p in pairs} == {("door-a", "door-b")}
    human = kiosk(a, "duplicates", "--walk-ins")
    assert "kiosk merge " in human.stdout and "kiosk not-same " in human.stdout
    ruche = next(p for p in pairs if p["keep"]["organisation"] == "La Ruche")
    other = next(p for p in pairs if p is not ruche)
    before = json.loads(kiosk(a, "stats", "--json").stdout)
    merged = kiosk(a, "merge", ruche["keep"]["id"], ruche["other"]["id"])
    assert merged.returncode == 0 and merged.stdout.startswith("Zoé Martin (")
    assert " fusionné·e dans Zoé Martin (" in merged.stdout
    again = kiosk(a, "merge", ruche["keep"]["id"], ruche["other"]["id"], "--lang", "en")
    assert again.returncode == 2 and "already merged" in again.stderr
    assert kiosk(a, "not-same", other["keep"]["id"], other["other"]["id"]).returncode == 0
    after = json.loads(kiosk(a, "stats", "--json").stdout)
    assert (after["registered"], after["cancelled"]) == (before["registered"] - 1, before["cancelled"])
    status = kiosk(a, "hub", "status", hub_url, "--lang", "en")
    assert "door-a" in status.stdout and "0 queued" in status.stdout
    for data, door in ((a, "door-a"), (b, "door-b")):
        assert kiosk(data, "sync", "--hub", hub_url, env={"KIOSK_DEVICE": door}).returncode == 0
    assert kiosk(b, "duplicates", "--walk-ins", "--json").stdout.strip() == "[]"
    assert json.loads(kiosk(b, "stats", "--json").stdout)["registered"] == after["registered"]


def test_a_failing_connection_never_shows_a_password_holding_slash_at_colon_or_percent(
        tmp_path: Path, pg_server: PgServer, hub_url: str) -> None:
    """The hub is up but the password is wrong (or misread by libpq): every command says why in one
    line, and none shows the password, however it was written."""
    db = hub_url.rsplit("/", 1)[1]
    data = tmp_path / "d"
    assert kiosk(data, "demo").returncode == 0
    port = pg_server.port
    urls = [f"postgresql://door:se/cr3t@127.0.0.1:{port}/{db}",
            f"postgresql://door:p@ss:w%rd@127.0.0.1:{port}/{db}",
            f"postgresql://door:se%2Fcr%40t%3A@127.0.0.1:{port}/{db}",
            f"postgresql://door@127.0.0.1:{port}/{db}?password=se/cr@t:%25x&sslmode=disable",
            f"host=127.0.0.1 port={port} user=door dbname={db} password=se/cr@t:x%"]
    for url in urls:
        for args in (("sync", "--hub", url), ("hub", "status", url), ("hub", "init", url), ("join", url)):
            out = kiosk(data if args[0] != "join" else tmp_path / "fresh", *args)
            shown = out.stdout + out.stderr
            assert out.returncode == 3, (args, shown)
            assert out.stderr.count("\n") == 1 and out.stderr.startswith("kiosk: "), shown
            for piece in ("se/cr3t", "cr3t", "p@ss", "w%rd", "se%2Fcr%40t", "se/cr@t", "cr@t"):
                assert piece not in shown, (url, shown)
