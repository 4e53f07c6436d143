"""The system-library check (scripts/qt_system_libs.py) on Debian 12, Debian 13 and Ubuntu 24.04, from fake
`ldconfig -p` and `apt-cache pkgnames` outputs: it looks for the libraries, not for package names, so the t64
renames neither hide an installed library nor name a package apt does not have."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "qt_system_libs.py"
spec = importlib.util.spec_from_file_location("qt_system_libs", SCRIPT)
libs = importlib.util.module_from_spec(spec)
spec.loader.exec_module(libs)

ALL = libs.TEST_LIBS + libs.WINDOW_LIBS
# apt's names per release: Debian 13 and Ubuntu 24.04 have libglib2.0-0t64 (and the old name only as a
# transitional alias on Ubuntu); Debian 12 has only the old names.
APT = {
    "debian-12": {base: [base] for _, base in ALL},
    "debian-13": {**{base: [base] for _, base in ALL}, "libglib2.0-0": ["libglib2.0-0t64"]},
    "ubuntu-24.04": {**{base: [base] for _, base in ALL}, "libglib2.0-0": ["libglib2.0-0", "libglib2.0-0t64"]},
}


def ldconfig_output(sonames, tag="libc6,x86-64"):
    lines = [f"{len(sonames)} libs found in cache `/etc/ld.so.cache'"]
    lines += [f"\t{name} ({tag}) => /lib/x86_64-linux-gnu/{name}" for name in sonames]
    return "\n".join(lines) + "\n"


def apt_for(release):
    return lambda command: "\n".join(APT[release].get(command[-1], []))


@pytest.mark.parametrize("release", APT)
def test_a_system_with_every_library_needs_nothing_whatever_the_package_is_called(release):
    sonames = libs.cached_sonames(ldconfig_output([soname for soname, _ in ALL]))
    assert libs.missing_packages("run", sonames, runner=apt_for(release), has_command=lambda _: True) == []


@pytest.mark.parametrize(("release", "glib"), [("debian-12", "libglib2.0-0"), ("debian-13", "libglib2.0-0t64"),
                                               ("ubuntu-24.04", "libglib2.0-0t64")])
def test_a_missing_library_is_named_as_that_release_names_its_package(release, glib):
    present = [soname for soname, _ in ALL if soname not in ("libglib-2.0.so.0", "libxcb-cursor.so.0")]
    sonames = libs.cached_sonames(ldconfig_output(present))
    missing = libs.missing_packages("run", sonames, runner=apt_for(release), has_command=lambda _: True)
    assert missing == [glib, "libxcb-cursor0"]


def test_the_window_libraries_are_checked_only_to_run_the_window():
    sonames = libs.cached_sonames(ldconfig_output([soname for soname, _ in libs.TEST_LIBS]))
    assert libs.missing_packages("test", sonames, runner=apt_for("debian-13"), has_command=lambda _: True) == []
    assert "libxcb-cursor0" in libs.missing_packages("run", sonames, runner=apt_for("debian-13"))


def test_a_32_bit_copy_does_not_count_for_a_64_bit_python():
    output = ldconfig_output(["libEGL.so.1"], tag="libc6") + "\tlibGL.so.1 (libc6,x86-64) => /lib/libGL.so.1\n"
    assert libs.cached_sonames(output, wide=True) == {"libGL.so.1"}


def test_the_validators_are_installed_only_by_root():
    everything = libs.cached_sonames(ldconfig_output([soname for soname, _ in ALL]))
    nothing = lambda _command: False  # noqa: E731
    assert libs.missing_packages("test", everything, runner=apt_for("debian-12"), has_command=nothing) == []
    assert libs.missing_packages("test", everything, runner=apt_for("debian-12"), has_command=nothing,
                                 as_root=True) == ["desktop-file-utils", "appstream"]
