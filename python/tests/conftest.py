import os
import pathlib
import shutil
import subprocess

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SEEDS = sorted((REPO / "seeds").glob("*.txt"))


@pytest.fixture(scope="session")
def seeds():
    """(path, text) of each bundled seed article."""
    assert SEEDS, f"no seeds in {REPO / 'seeds'}"
    return [(p, p.read_text(encoding="utf-8")) for p in SEEDS]


@pytest.fixture(scope="session")
def cli(tmp_path_factory):
    """Runs the built CLI (``BRIEF_BIN`` or target/release/brief) with no
    configuration file in reach, so that it uses the built-in defaults as
    the package does; returns stdout as bytes."""
    binary = os.environ.get("BRIEF_BIN") or str(REPO / "target" / "release" / "brief")
    if not (os.path.isfile(binary) and os.access(binary, os.X_OK)):
        found = shutil.which("brief") if not os.environ.get("BRIEF_BIN") else None
        if not found:
            pytest.skip(f"CLI not built ({binary} missing): run `cargo build --release` first")
        binary = found
    home = tmp_path_factory.mktemp("cli-home")
    env = dict(os.environ, XDG_CONFIG_HOME=str(home), HOME=str(home), NO_COLOR="1")

    def run(*args, stdin=None, code=0, extra_env=None):
        """stdout of the run; ``code``: the exit code it must give
        (``None``: any, and (code, stdout, stderr) is returned)."""
        done = subprocess.run(
            [binary, "--quiet", *map(str, args)],
            cwd=home,
            env=dict(env, **(extra_env or {})),
            input=stdin,
            capture_output=True,
            timeout=120,
        )
        if code is None:
            return done.returncode, done.stdout, done.stderr.decode("utf-8", "replace")
        assert done.returncode == code, done.stderr.decode("utf-8", "replace")
        return done.stdout

    run.binary = binary
    return run
