"""The staff PIN's lock-out measured on a monotonic clock (issue 21), with injected clocks, and a
read-only data dir (a real read-only tmpfs) refusing clearly."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from kiosk.service.pin import FIRST_LOCK_S, MAX_TRIES, PinError, StaffPin
from tests.helpers.faults import mount_point, mount_tmpfs
from tests.helpers.process import run_kiosk

__all__ = ["mount_point"]  # the fixture, imported for the read-only test

PIN = "4821"
ROOT = Path(__file__).resolve().parents[2]


class Machine:
    """One laptop's clocks: the monotonic one (since boot) and the wall clock staff can set."""

    def __init__(self) -> None:
        self.mono, self.wall_t, self.boot_n = 5_000.0, 1_796_000_000.0, 1

    def monotonic(self) -> float:
        return self.mono

    def wall(self) -> float:
        return self.wall_t

    def boot(self) -> str:
        return f"boot-{self.boot_n}"

    def wait(self, seconds: float) -> None:
        self.mono += seconds
        self.wall_t += seconds

    def reboot(self, down_s: float = 30) -> None:
        self.boot_n += 1
        self.mono = 12.0
        self.wall_t += down_s

    def pin(self, data: Path) -> StaffPin:  # a new process each time: nothing kept in memory
        return StaffPin(data, self.monotonic, wall=self.wall, boot=self.boot)


def lock_out(m: Machine, data: Path) -> None:
    for _ in range(MAX_TRIES):
        assert m.pin(data).check("0000") is False
    assert m.pin(data).locked_for() == FIRST_LOCK_S


@pytest.fixture
def data(tmp_path: Path) -> Path:
    StaffPin(tmp_path).set(PIN)
    return tmp_path


def test_setting_the_wall_clock_back_does_not_lift_a_lock_out(data: Path) -> None:
    m = Machine()
    lock_out(m, data)
    m.wall_t -= 86_400 * 365  # staff "fix" the clock a year back
    m.mono += 10
    with pytest.raises(PinError) as refused:
        m.pin(data).check(PIN)
    assert "50 s" in str(refused.value) and "50 s" in refused.value.message("fr")
    m.wait(51)
    assert m.pin(data).check(PIN) is True


def test_setting_the_wall_clock_forward_neither_lifts_nor_stretches_it(data: Path) -> None:
    m = Machine()
    lock_out(m, data)
    m.wall_t += 86_400 * 3650  # ten years ahead
    assert m.pin(data).locked_for() == FIRST_LOCK_S  # still locked, for no longer than it was
    m.mono += FIRST_LOCK_S
    assert m.pin(data).locked_for() == 0 and m.pin(data).check(PIN)


def test_after_a_reboot_the_wall_clock_counts_bounded_and_the_lock_is_reanchored(data: Path) -> None:
    m = Machine()
    lock_out(m, data)
    m.reboot(down_s=20)
    assert m.pin(data).locked_for() == FIRST_LOCK_S - 20
    m.reboot(down_s=0)
    m.wall_t -= 86_400 * 30  # rebooted into a clock a month late: the whole lock-out again, no more
    assert m.pin(data).locked_for() == FIRST_LOCK_S  # never more than the whole lock-out
    with pytest.raises(PinError):
        m.pin(data).check(PIN)  # re-anchored on this boot's monotonic clock
    m.mono += FIRST_LOCK_S
    assert m.pin(data).check(PIN)


def test_a_try_is_counted_before_the_pin_is_hashed(data: Path) -> None:
    m = Machine()
    for _ in range(MAX_TRIES - 1):
        m.pin(data).check("0000")
    state = json.loads((data / "staff-pin.json").read_text())
    assert state["failures"] == MAX_TRIES - 1
    assert (data / "staff-pin.json").stat().st_mode & 0o777 == 0o600


def test_an_old_pin_file_still_opens(data: Path) -> None:
    path = data / "staff-pin.json"
    state = json.loads(path.read_text())
    state.pop("lock_s"), state.pop("lock_mono"), state.pop("lock_boot"), state.pop("lock_wall")
    path.write_text(json.dumps({**state, "locked_until": 0.0}))
    assert StaffPin(data).check(PIN)


def test_a_read_only_data_dir_refuses_the_check_clearly(mount_point: Path) -> None:
    mount_tmpfs(mount_point)
    StaffPin(mount_point).set(PIN)
    done = subprocess.run(["mount", "-o", "remount,ro", str(mount_point)], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot remount read-only: {done.stderr.strip()}")
    with pytest.raises(PinError) as refused:
        StaffPin(mount_point).check(PIN)  # a try that cannot be counted is not tried
    assert "cannot be written" in str(refused.value) and "n'est pas modifiable" in refused.value.message("fr")
    cli = run_kiosk(mount_point, "pin", "set", "--pin", "1234", timeout=60)
    assert cli.returncode != 0 and "Traceback" not in cli.stderr and str(mount_point) in cli.stderr + cli.stdout
