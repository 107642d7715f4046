#!/usr/bin/env bash
# Installs the translation clients that desks use with brief (issue 9) from
# the registries and runs the round trips of scripts/clients/roundtrip.py
# against the release binary: OmegaT 3.6 headless (Debian), translate-toolkit
# (PyPI, in .venv-ci), the npm package `xliff` 6 (under $NPM_DIR, outside the
# repository). Prints how long each step took. Exit 1 when a round trip or a
# negative case that is not marked known_failing gives the wrong result.
#
#   bash scripts/ci-clients.sh            # install what is missing, then run
#   CLIENTS_INSTALL_ONLY=1 bash scripts/ci-clients.sh
set -euo pipefail
cd "$(dirname "$0")/.."
NPM_DIR=${NPM_DIR:-/tmp/brief-npm}
export NPM_DIR
SUDO=""
[ "$(id -u)" -ne 0 ] && SUDO=sudo

step_start=0
step() { step_start=$(date +%s); echo "== clients: $*"; }
done_step() { echo "   ($(( $(date +%s) - step_start )) s)"; }

step "Debian: omegat default-jre-headless libxml2-utils chromium tidy"
if [ -f /usr/share/omegat/OmegaT.jar ] && command -v java >/dev/null && command -v xmllint >/dev/null \
  && command -v chromium >/dev/null && command -v tidy >/dev/null; then
  echo "   already installed"
else
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq omegat default-jre-headless libxml2-utils chromium tidy >/dev/null
fi
done_step

step "PyPI: translate-toolkit 3.20 and lxml in .venv-ci"
[ -x .venv-ci/bin/python ] || python3 -m venv .venv-ci
.venv-ci/bin/pip install -q --disable-pip-version-check 'translate-toolkit==3.20.*' lxml
done_step

step "npm: xliff@6 under $NPM_DIR"
mkdir -p "$NPM_DIR"
[ -f "$NPM_DIR/package.json" ] || (cd "$NPM_DIR" && npm init -y >/dev/null)
(cd "$NPM_DIR" && npm install --no-audit --no-fund --silent xliff@6)
done_step

if [ -n "${CLIENTS_INSTALL_ONLY:-}" ]; then
  exit 0
fi

step "round trips against the release binary"
cargo build --release --quiet
mkdir -p target/clients
.venv-ci/bin/python scripts/clients/roundtrip.py --brief target/release/brief \
  --require omegat,tt,npm --work target/clients/work \
  --markdown target/clients/table.md --json target/clients/outcomes.json
done_step
